import { describe, expect, it } from 'vitest';
import { addressKey, clientAddress } from './client-address';

describe('clientAddress', () => {
  it('takes the last X-Forwarded-For hop, and "unknown" when there is none', () => {
    expect(clientAddress(new Request('http://x', { headers: { 'x-forwarded-for': '10.0.0.1, 203.0.113.9' } }))).toBe('203.0.113.9');
    expect(clientAddress(new Request('http://x'))).toBe('unknown');
  });
});

describe('addressKey', () => {
  it('counts every IPv6 address of one /64 as one client, however it is written', () => {
    const spellings = ['2001:db8:abcd:12::1', '2001:0db8:abcd:0012:ffff:ffff:ffff:ffff', '2001:DB8:ABCD:12:0:0:0:7', '2001:db8:abcd:12::1.2.3.4'];
    expect(new Set(spellings.map(addressKey))).toEqual(new Set(['2001:db8:abcd:12::/64']));
    expect(addressKey('2001:db8:abcd:13::1')).toBe('2001:db8:abcd:13::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
    expect(addressKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
  });

  it('keeps IPv4 as is, unwraps IPv4-mapped IPv6, and refuses junk', () => {
    expect(addressKey('203.0.113.9')).toBe('203.0.113.9');
    expect(addressKey('::ffff:203.0.113.9')).toBe('203.0.113.9');
    expect(addressKey('not an address')).toBe('unknown');
    expect(addressKey('')).toBe('unknown');
  });
});
