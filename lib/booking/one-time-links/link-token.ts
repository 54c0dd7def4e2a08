import { randomBytes } from 'node:crypto';

// A one-time link's token: 32 random bytes, URL-safe (43 characters). Only its SHA-256 is stored
// (hashToken, lib/secrets), so the address is shown to the host once, when the link is made.

const TOKEN_BYTES = 32;
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export function newLinkToken(): string {
  return randomBytes(TOKEN_BYTES).toString('base64url');
}

/** Whether a presented token could be one of ours; anything else is unknown without asking the database. */
export function isLinkTokenShape(token: string): boolean {
  return TOKEN_SHAPE.test(token);
}

/** The invitee's page for a link. */
export function oneTimeLinkPath(token: string): string {
  return `/d/${token}`;
}
