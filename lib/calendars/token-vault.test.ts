import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openWith, parseVaultKeys, sealWith } from './token-vault';

const keyA = { id: 'a', key: randomBytes(32) };
const keyB = { id: 'b', key: randomBytes(32) };
const context = { table: 'calendar_connections', column: 'access_token_encrypted', rowId: '11111111-1111-4111-8111-111111111111' };

describe('token vault', () => {
  it('seals with a fresh IV each time and opens what it sealed', () => {
    const first = sealWith([keyA], 'ya29.secret', context);
    const second = sealWith([keyA], 'ya29.secret', context);
    expect(first).not.toBe(second);
    expect(first).not.toContain('ya29');
    expect(first.split('.').slice(0, 2)).toEqual(['v1', 'a']);
    expect(openWith([keyA], first, context)).toBe('ya29.secret');
  });

  it('refuses a ciphertext moved to another row or column (associated data)', () => {
    const sealed = sealWith([keyA], 'token', context);
    expect(() => openWith([keyA], sealed, { ...context, rowId: '22222222-2222-4222-8222-222222222222' })).toThrow();
    expect(() => openWith([keyA], sealed, { ...context, column: 'refresh_token_encrypted' })).toThrow();
  });

  it('refuses a tampered ciphertext', () => {
    const parts = sealWith([keyA], 'token', context).split('.');
    const body = Buffer.from(parts[3]!, 'base64url');
    body[0] = body[0]! ^ 1;
    parts[3] = body.toString('base64url');
    expect(() => openWith([keyA], parts.join('.'), context)).toThrow();
  });

  it('rotates: the newest key seals, older keys still open', () => {
    const old = sealWith([keyA], 'old-token', context);
    const rotated = [keyB, keyA];
    expect(openWith(rotated, old, context)).toBe('old-token');
    expect(sealWith(rotated, 'new', context).split('.')[1]).toBe('b');
    expect(() => openWith([keyB], old, context)).toThrow(/key id "a"/);
  });

  it('parses TOKEN_ENCRYPTION_KEY and refuses short keys', () => {
    const value = `k2:${keyB.key.toString('base64')}, k1:${keyA.key.toString('base64')}`;
    expect(parseVaultKeys(value).map((k) => k.id)).toEqual(['k2', 'k1']);
    expect(() => parseVaultKeys(`k1:${randomBytes(16).toString('base64')}`)).toThrow(/32 random bytes/);
    expect(() => parseVaultKeys('no-separator')).toThrow();
  });
});
