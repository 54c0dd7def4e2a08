import { describe, expect, it } from 'vitest';
import { isPublicAddress } from './public-address';

describe('isPublicAddress', () => {
  it.each([
    ['loopback', ['127.0.0.1', '127.255.255.254', '::1']],
    ['private', ['10.0.0.1', '172.16.5.4', '172.31.255.255', '192.168.1.1']],
    ['link-local and cloud metadata', ['169.254.169.254', 'fe80::1', 'fd00:ec2::254']],
    ['carrier-grade NAT', ['100.64.0.1', '100.127.255.254']],
    ['unspecified and "this network"', ['0.0.0.0', '0.1.2.3', '::']],
    ['multicast and broadcast', ['224.0.0.1', '239.255.255.250', '255.255.255.255', 'ff02::1', 'ff0e::1']],
    ['reserved, benchmarking and documentation', ['240.0.0.1', '198.18.0.1', '192.0.2.1', '198.51.100.7', '203.0.113.9', '192.0.0.8', '2001:db8::1', '2001:2::1', '3fff::1']],
    ['unique local', ['fc00::1', 'fd12:3456::1']],
    ['discard-only', ['100::1']],
    ['IPv4-mapped around a private address', ['::ffff:127.0.0.1', '::ffff:10.0.0.1', '::ffff:7f00:1', '::ffff:169.254.169.254']],
    ['IPv4-compatible (::/96), whatever the IPv4 inside', ['::127.0.0.1', '::10.0.0.1', '::a00:1', '::8.8.8.8']],
    ['IPv4/IPv6 translation (64:ff9b::/96)', ['64:ff9b::a00:1', '64:ff9b::7f00:1', '64:ff9b::808:808']],
    ['local-use translation (64:ff9b:1::/48)', ['64:ff9b:1::a00:1', '64:ff9b:1:ffff::1']],
    ['SIIT-translated (::ffff:0:0:0/96)', ['::ffff:0:a00:1']],
    ['6to4 (2002::/16)', ['2002:a00:1::1', '2002:7f00:1::1', '2002:808:808::1']],
    ['Teredo (2001::/32)', ['2001::1', '2001:0:4136:e378:8000:63bf:3fff:fdd2']],
    ['not an address', ['not-an-ip', '', '127.1', '0x7f.0.0.1', '1.2.3.4.5']],
  ])('refuses %s', (_range, addresses) => {
    for (const address of addresses) expect(isPublicAddress(address), address).toBe(false);
  });

  it.each(['8.8.8.8', '142.250.185.78', '1.1.1.1', '2607:f8b0:4004:800::200e', '2a00:1450:4001:82a::200e', '::ffff:8.8.8.8'])('allows the public address %s', (address) =>
    expect(isPublicAddress(address)).toBe(true),
  );
});
