// When an unanswered request is declined on its own: after the meeting type's "auto-decline after N
// hours", and in any case when the meeting would start (a request nobody answered in time is moot).

const HOUR_MS = 60 * 60 * 1000;

export function requestExpiresAt(request: { now: number; start: number; autoDeclineAfterHours: number | null }): Date {
  const { now, start, autoDeclineAfterHours } = request;
  const after = autoDeclineAfterHours === null ? start : Math.min(start, now + autoDeclineAfterHours * HOUR_MS);
  return new Date(after);
}
