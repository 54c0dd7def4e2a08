// Liveness for load balancers, and the benchmark's baseline: the cheapest possible route handler.
export function GET(): Response {
  return Response.json({ status: 'ok' });
}
