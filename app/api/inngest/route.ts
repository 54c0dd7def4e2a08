import { serve } from 'inngest/next';
import { inngestClient } from '@/inngest/client';
import { inngestFunctions } from '@/inngest/inngest-functions';
import { jobsMode } from '@/lib/env';
import { errorResponse } from '@/lib/http';
import { AppError } from '@/lib/errors';

// Inngest calls this to run functions. The SDK verifies the signing key on every request unless the
// client is in dev mode (INNGEST_DEV). Inline mode serves nothing here: 404.

type Handlers = ReturnType<typeof serve>;
let handlers: Handlers | undefined;

function inngestHandlers(): Handlers | null {
  if (jobsMode() !== 'inngest') return null;
  handlers ??= serve({ client: inngestClient(), functions: inngestFunctions(inngestClient()) });
  return handlers;
}

const notServed = () => errorResponse(new AppError('not_found', 'Jobs run inline in this deployment; there is no Inngest endpoint.'));

export async function GET(request: Request, context: unknown) {
  return inngestHandlers()?.GET(request as never, context) ?? notServed();
}
export async function POST(request: Request, context: unknown) {
  return inngestHandlers()?.POST(request as never, context) ?? notServed();
}
export async function PUT(request: Request, context: unknown) {
  return inngestHandlers()?.PUT(request as never, context) ?? notServed();
}
