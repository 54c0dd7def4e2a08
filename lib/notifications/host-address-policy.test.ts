import { describe, expect, it } from 'vitest';
import { type HostMailKind, mayMailHostAddress } from './host-address-policy';

const everyKind: HostMailKind[] = ['confirmation', 'cancellation', 'rescheduled', 'reminder_24h', 'reminder_1h', 'calendar_reauth', 'verify_email', 'change_email', 'reset_password'];

describe('mail to a host address', () => {
  it('an unverified address receives nothing but the requests to verify it', () => {
    expect(everyKind.filter((kind) => mayMailHostAddress(kind, false))).toEqual(['verify_email', 'change_email']);
  });

  it('a verified address receives every kind', () => {
    expect(everyKind.every((kind) => mayMailHostAddress(kind, true))).toBe(true);
  });
});
