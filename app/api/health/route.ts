import { route } from '@/lib/http';

// Liveness for load balancers, and the benchmark's baseline: the cheapest possible route handler
// (with the headers every API reply carries, so the bench compares like with like).
export const GET = route(async () => Response.json({ status: 'ok' }));
