'use server';

import { hostAction } from '@/lib/actions/host-action';
import { createOneTimeLink } from '@/lib/booking/one-time-links/create-link';
import { revokeOneTimeLink } from '@/lib/booking/one-time-links/revoke-link';
import { createOneTimeLinkSchema, revokeOneTimeLinkSchema } from '@/lib/booking/one-time-links/schemas';

// One-time links of a meeting type (its edit page): made and revoked by the signed-in host only.

export const createOneTimeLinkAction = hostAction(createOneTimeLinkSchema, async (input, ctx) => {
  const created = await createOneTimeLink(ctx, input);
  return { id: created.id, path: created.path };
});

export const revokeOneTimeLinkAction = hostAction(revokeOneTimeLinkSchema, (input, ctx) => revokeOneTimeLink(ctx, input));
