import { randomBytes } from 'node:crypto';

// An API key: `rdv_` and 32 random bytes in base62 (43 characters, 256 bits), so it is easy to copy,
// easy for secret scanners to spot, and never guessed. Only its SHA-256 is stored.

export const API_KEY_PREFIX = 'rdv_';
const KEY_BYTES = 32;
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
/** 32 bytes need at most 43 base62 digits; shorter numbers are padded so every key has one length. */
const ENCODED_LENGTH = 43;
/** How much of a key the list shows: the prefix and 8 characters. */
const SHOWN_LENGTH = API_KEY_PREFIX.length + 8;

const keyPattern = new RegExp(`^${API_KEY_PREFIX}[0-9A-Za-z]{${ENCODED_LENGTH}}$`);

function base62(bytes: Buffer): string {
  let value = BigInt(`0x${bytes.toString('hex')}`);
  let digits = '';
  while (value > 0n) {
    digits = BASE62[Number(value % 62n)] + digits;
    value /= 62n;
  }
  return digits.padStart(ENCODED_LENGTH, '0');
}

export function generateApiKey(): string {
  return API_KEY_PREFIX + base62(randomBytes(KEY_BYTES));
}

/** True when `text` has the shape of a key (checked before any query). */
export function looksLikeApiKey(text: string): boolean {
  return keyPattern.test(text);
}

/** What the list shows of a key. */
export function shownPrefix(key: string): string {
  return key.slice(0, SHOWN_LENGTH);
}
