// Shapes of identifiers that arrive in URLs. Checked before a query, so junk never reaches Postgres
// (where a malformed uuid would be an error, not a miss).

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Same rule as the users_username_format CHECK constraint. */
const usernamePattern = /^[a-z0-9][a-z0-9-]{1,62}[a-z0-9]$/;

export function isUuid(value: string): boolean {
  return uuidPattern.test(value);
}

/** The username as stored (lower case), or null when it cannot be one. */
export function normaliseUsername(value: string): string | null {
  const lower = value.toLowerCase();
  return usernamePattern.test(lower) ? lower : null;
}
