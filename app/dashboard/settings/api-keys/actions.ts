'use server';

import { hostAction } from '@/lib/actions/host-action';
import { createApiKey } from '@/lib/hosts/api-keys/create';
import { revokeApiKey } from '@/lib/hosts/api-keys/revoke';
import { createApiKeySchema, revokeApiKeySchema } from '@/lib/hosts/api-keys/schemas';

// The API keys page: a new key is answered once (the page shows it and never again); revoking is immediate.

export const createApiKeyAction = hostAction(createApiKeySchema, async (input, ctx) => {
  const { key, apiKey } = await createApiKey(ctx, input);
  return { key, name: apiKey.name };
});

export const revokeApiKeyAction = hostAction(revokeApiKeySchema, (input, ctx) => revokeApiKey(ctx, input));
