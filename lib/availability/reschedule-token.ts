/**
 * The query string without `rescheduleToken`, and the token (null when absent). The route calls this
 * only when the raw query mentions the parameter, so a request without one is not parsed twice.
 */
export function splitRescheduleToken(search: string): { search: string; rescheduleToken: string | null } {
  const params = new URLSearchParams(search);
  const rescheduleToken = params.get('rescheduleToken');
  if (rescheduleToken === null) return { search, rescheduleToken };
  params.delete('rescheduleToken');
  return { search: params.toString(), rescheduleToken };
}
