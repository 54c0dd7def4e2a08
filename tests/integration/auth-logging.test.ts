import { NextRequest } from 'next/server';
import { afterEach, describe, expect, it } from 'vitest';
import { GET, POST } from '@/app/api/auth/[...nextauth]/route';
import { hashPassword } from '@/lib/secrets/password';
import { captureLogForTests } from '@/lib/log';
import { createHost } from '../factories';
import { connectTestDatabase } from './db-helpers';

// A wrong password is routine: one JSON log line at info, no stack, no email, no password; and every
// line written for a request carries its id, which the reply echoes.

const database = connectTestDatabase();
const ORIGIN = 'http://localhost:3000';
let stopCapture: (() => void) | undefined;
afterEach(() => stopCapture?.());

function capture(): Record<string, unknown>[] {
  const lines: Record<string, unknown>[] = [];
  stopCapture = captureLogForTests((line) => lines.push(JSON.parse(line) as Record<string, unknown>));
  return lines;
}

async function signInWith(email: string, password: string, requestId: string) {
  const csrfReply = await GET(new NextRequest(`${ORIGIN}/api/auth/csrf`));
  const { csrfToken } = (await csrfReply.json()) as { csrfToken: string };
  const cookie = csrfReply.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  return POST(
    new NextRequest(`${ORIGIN}/api/auth/callback/credentials`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie, 'x-request-id': requestId, 'x-forwarded-for': '192.0.2.230' },
      body: new URLSearchParams({ email, password, csrfToken, callbackUrl: `${ORIGIN}/dashboard` }),
    }),
  );
}

describe('sign-in logging', () => {
  it('logs a wrong password as one info line with the request id, no stack, no email and no password', async () => {
    const host = await createHost(database, { passwordHash: await hashPassword('the right password') });
    const lines = capture();
    const reply = await signInWith(host.email, 'a wrong password!', 'req-wrong-password-1');
    expect(reply.status).toBeLessThan(500);
    expect(reply.headers.get('x-request-id')).toBe('req-wrong-password-1');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 'info', event: 'sign_in_failed', requestId: 'req-wrong-password-1' });
    const text = JSON.stringify(lines);
    expect(text).not.toMatch(/stack|at .*\.js|\[auth\]\[error\]/);
    expect(text).not.toContain(host.email);
    expect(text).not.toContain('a wrong password!');
  });

  it('replaces an insane incoming request id with its own', async () => {
    const host = await createHost(database, { passwordHash: await hashPassword('the right password') });
    const lines = capture();
    const reply = await signInWith(host.email, 'another wrong one', 'bad id with spaces');
    const issued = reply.headers.get('x-request-id');
    expect(issued).toMatch(/^[0-9a-f-]{36}$/);
    expect(lines[0]).toMatchObject({ requestId: issued });
  });
});
