import 'server-only';
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { env } from '@/lib/env';

// Calendar tokens at rest: AES-256-GCM with a fresh 96-bit IV per seal. The associated data binds a
// ciphertext to its table, column and row, so a token copied into another row or column will not open.
// Sealed form: `v1.<keyId>.<iv>.<ciphertext>.<tag>` (base64url); the key id lets keys rotate.

export interface VaultKey {
  id: string;
  key: Buffer;
}

export interface SealContext {
  table: string;
  column: string;
  rowId: string;
}

const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;

/** Parses `keyId:base64,…` (newest first). */
export function parseVaultKeys(value: string): VaultKey[] {
  return value
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const separator = entry.indexOf(':');
      const id = entry.slice(0, separator);
      const key = Buffer.from(entry.slice(separator + 1), 'base64');
      if (separator < 1 || !KEY_ID.test(id) || key.length !== 32) {
        throw new Error('TOKEN_ENCRYPTION_KEY entries must look like keyId:<base64 of 32 random bytes>');
      }
      return { id, key };
    });
}

// Development and tests only (env.ts refuses a production start with providers and no key).
const developmentKey: VaultKey = { id: 'dev', key: createHash('sha256').update('rendezvous development token key').digest() };

export function vaultKeys(): VaultKey[] {
  const configured = env().TOKEN_ENCRYPTION_KEY;
  return configured ? parseVaultKeys(configured) : [developmentKey];
}

const aad = (context: SealContext) => Buffer.from(`${context.table}.${context.column}:${context.rowId}`, 'utf8');

export function sealWith(keys: VaultKey[], plaintext: string, context: SealContext): string {
  const [current] = keys;
  if (!current) throw new Error('No token encryption key');
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', current.key, iv);
  cipher.setAAD(aad(context));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return ['v1', current.id, iv.toString('base64url'), ciphertext.toString('base64url'), cipher.getAuthTag().toString('base64url')].join('.');
}

export function openWith(keys: VaultKey[], sealed: string, context: SealContext): string {
  const [version, keyId, iv, ciphertext, tag] = sealed.split('.');
  const key = keys.find((candidate) => candidate.id === keyId);
  if (version !== 'v1' || !key || iv === undefined || ciphertext === undefined || tag === undefined) {
    throw new Error(`Cannot open a sealed token (unknown format or key id "${keyId ?? ''}")`);
  }
  const decipher = createDecipheriv('aes-256-gcm', key.key, Buffer.from(iv, 'base64url'));
  decipher.setAAD(aad(context));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
}

export const sealToken = (plaintext: string, context: SealContext) => sealWith(vaultKeys(), plaintext, context);
export const openToken = (sealed: string, context: SealContext) => openWith(vaultKeys(), sealed, context);

/** The vault contexts of a connection's two token columns. */
export const accessTokenContext = (connectionId: string): SealContext => ({ table: 'calendar_connections', column: 'access_token_encrypted', rowId: connectionId });
export const refreshTokenContext = (connectionId: string): SealContext => ({ table: 'calendar_connections', column: 'refresh_token_encrypted', rowId: connectionId });
