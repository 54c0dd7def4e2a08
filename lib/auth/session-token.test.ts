import { describe, expect, it } from 'vitest';
import { applyClientUpdate, refreshedToken } from './session-token';

const token = { sub: 'host-a', sv: 3, name: 'Ann', email: 'ann@example.test' };

describe('applyClientUpdate', () => {
  it('refuses to change identity from the client: sub, sv, email and name stay as issued', () => {
    const attempted = { sub: 'host-b', sv: 99, email: 'boss@example.test', name: 'Boss', user: { id: 'host-b' }, timeFormat: '24h' };
    expect(applyClientUpdate(token, attempted)).toEqual({ ...token, timeFormat: '24h' });
  });

  it('ignores an update that is not an object or has an invalid allow-listed value', () => {
    expect(applyClientUpdate(token, 'host-b')).toEqual(token);
    expect(applyClientUpdate(token, { timeFormat: 'sundial' })).toEqual(token);
  });
});

describe('refreshedToken', () => {
  it('ends the session when the host is gone or the session version moved on', () => {
    expect(refreshedToken(token, null)).toBeNull();
    expect(refreshedToken(token, { sessionVersion: 4, name: 'Ann', email: 'ann@example.test' })).toBeNull();
  });

  it('keeps the session and picks up a changed name from the database', () => {
    expect(refreshedToken(token, { sessionVersion: 3, name: 'Ann Lee', email: 'ann@example.test' })).toEqual({ ...token, name: 'Ann Lee' });
  });
});
