// What a log line may carry: never a password, token, secret or cookie, and never a whole email
// address. Applied to every line's fields and message (lib/log.ts), so a careless call site cannot leak.

const SECRET_KEY = /pass(word)?|secret|token|authorization|cookie|api[-_]?key|code_?verifier|client_?secret|credentials?/i;
const EMAIL = /([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*@([A-Za-z0-9.-]+\.[A-Za-z]{2,})/g;
// Secrets that travel in URLs: ?token=…, &code=…, access_token=…, state=….
const SECRET_PARAM = /([?&#](?:[a-z_]*token|code|state|key|sig|signature)=)[^&#\s"']+/gi;
const BEARER = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/g;
const MAX_DEPTH = 6;

export const REDACTED = '[redacted]';

/** "ann.lee@example.com" → "a***@example.com": enough to tell hosts apart in a log, not to mail them. */
export function maskEmail(text: string): string {
  return text.replace(EMAIL, (_match, first: string, domain: string) => `${first}***@${domain}`);
}

export function scrubText(text: string): string {
  return maskEmail(text).replace(SECRET_PARAM, `$1${REDACTED}`).replace(BEARER, `$1 ${REDACTED}`);
}

/** A copy of `value` with secret-named fields redacted and every string scrubbed. */
export function scrubLogValue(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrubText(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) return '[too deep]';
  if (Array.isArray(value)) return value.map((item) => scrubLogValue(item, depth + 1));
  // An Error's own fields are not enumerable: keep what a reader needs.
  if (value instanceof Error) return scrubLogValue({ type: value.name, message: value.message, stack: value.stack }, depth + 1);
  const copy: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    copy[key] = SECRET_KEY.test(key) && field !== null && field !== undefined ? REDACTED : scrubLogValue(field, depth + 1);
  }
  return copy;
}
