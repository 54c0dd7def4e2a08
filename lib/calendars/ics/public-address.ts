import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

// Addresses an ICS feed may not live on: a host's feed URL must never reach our own network, the
// loopback, link-local space, a cloud metadata service or a gateway that forwards into one (NAT64,
// 6to4, Teredo). ipaddr.js keeps the IANA special-purpose registries; only plain `unicast` passes.

/** True for a public unicast address; IPv4-mapped IPv6 addresses are judged as the IPv4 inside. */
export function isPublicAddress(address: string): boolean {
  // node:net accepts only canonical spellings (no "127.1", octal or hex), as a resolver returns them.
  const family = isIP(address);
  if (family === 0) return false;
  const parsed = ipaddr.parse(family === 6 ? canonicalIPv6(address) : address);
  if (parsed.kind() === 'ipv6') {
    const v6 = parsed as ipaddr.IPv6;
    if (v6.isIPv4MappedAddress()) return isPublicAddress(v6.toIPv4Address().toString());
    // ::/96 (IPv4-compatible, deprecated by RFC 4291) is never a real destination: refused whole.
    if (v6.parts.slice(0, 6).every((part) => part === 0)) return false;
  }
  return parsed.range() === 'unicast';
}

// ipaddr.js reads "::a.b.c.d" as "::ffff:a.b.c.d"; the WHATWG URL parser writes every IPv6 in hex
// groups (::8.8.8.8 → ::808:808), so the judged address is the one a socket would dial.
function canonicalIPv6(address: string): string {
  try {
    return new URL(`http://[${address}]/`).hostname.slice(1, -1);
  } catch {
    return '::';
  }
}
