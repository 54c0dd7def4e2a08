import type { NextRequest } from 'next/server';
import { handlers } from '@/lib/auth/auth';
import { withApiHeaders, withRequestId } from '@/lib/http';

// Auth.js's endpoints (sign-in callbacks, session, CSRF, sign-out). Public by nature.
export const GET = async (request: NextRequest) => withRequestId(request, async () => withApiHeaders(await handlers.GET(request)));
export const POST = async (request: NextRequest) => withRequestId(request, async () => withApiHeaders(await handlers.POST(request)));
