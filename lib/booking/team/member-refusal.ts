import { AppError } from '@/lib/errors';

// Which refusals belong to one member (try the next) and which to the meeting type (every member
// would answer the same, so the invitee hears it as is).

const typeWideReasons = new Set(['too_soon', 'too_far']);

export function isTypeWideRefusal(error: unknown): boolean {
  if (!(error instanceof AppError) || error.code !== 'slot_unavailable') return false;
  const reason = (error.details as { reason?: unknown } | undefined)?.reason;
  return typeof reason === 'string' && typeWideReasons.has(reason);
}

/** A member not free at the start: busy, outside their hours, at their daily limit, or beaten to it (23P01 / contention). */
export function isMemberRefusal(error: unknown): boolean {
  return error instanceof AppError && (error.code === 'slot_unavailable' || error.code === 'rate_limited') && !isTypeWideRefusal(error);
}

export function noMemberFree(cause?: unknown): AppError {
  return new AppError('slot_taken', 'No team member is free at that time any more. Please pick another time.', {
    cause,
    details: { reason: 'no_member_free' },
  });
}

/** After every member refused: a cap they all hit is told as it is (429), anything else is a taken slot. */
export function refusalOfAll(refusals: readonly unknown[]): AppError {
  const capped = refusals.length > 0 && refusals.every((error) => error instanceof AppError && error.code === 'rate_limited');
  return capped ? (refusals[0] as AppError) : noMemberFree(refusals.at(-1));
}
