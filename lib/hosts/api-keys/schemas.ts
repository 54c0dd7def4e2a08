import { z } from 'zod';
import { apiKeyScopes } from '@/db/schema';
import { singleLineText } from '@/lib/api-fields';

// What the API keys page sends: a name to tell keys apart and what the key may do.

export const MAX_API_KEYS_PER_HOST = 25;

export const createApiKeySchema = z.object({
  name: z.string({ error: 'Enter a name' }).pipe(singleLineText(100)).pipe(z.string().min(1, 'Enter a name')),
  scope: z.enum(apiKeyScopes, { error: 'Pick read or read-write' }),
});
export type CreateApiKeyInput = z.infer<typeof createApiKeySchema>;

export const revokeApiKeySchema = z.object({ id: z.string().max(64) });
