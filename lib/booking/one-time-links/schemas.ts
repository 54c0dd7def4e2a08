import { z } from 'zod';

// The dashboard's one-time link forms. Expiry is a choice of lengths, counted from when the link is made.

export const linkExpiryChoices = { never: null, '1d': 1, '7d': 7, '30d': 30 } as const;
export type LinkExpiryChoice = keyof typeof linkExpiryChoices;

export const createOneTimeLinkSchema = z.object({
  meetingTypeId: z.string().max(64),
  expiresIn: z.enum(Object.keys(linkExpiryChoices) as [LinkExpiryChoice, ...LinkExpiryChoice[]], { error: 'Pick when the link expires' }),
});
export type CreateOneTimeLinkInput = z.infer<typeof createOneTimeLinkSchema>;

export const revokeOneTimeLinkSchema = z.object({ id: z.string().max(64) });
