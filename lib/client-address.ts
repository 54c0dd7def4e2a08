import { isIPv4, isIPv6 } from 'node:net';

// Who a request comes from, as rate limits count clients. An IPv6 client usually holds a whole /64
// (one subscriber's prefix), so counting single addresses would give it 2^64 fresh budgets.

/**
 * The client's address key: the last X-Forwarded-For hop (`npm start`, via scripts/serve.ts, drops
 * a client-sent header unless TRUST_PROXY=1, so this is the socket address or the hop your proxy
 * appended), IPv4 as is, IPv4-mapped IPv6 as IPv4, other IPv6 as its /64 prefix.
 */
export function clientAddress(request: Request): string {
  return clientAddressOf(request.headers);
}

/** clientAddress for code that has the headers but no Request (server actions: next/headers). */
export function clientAddressOf(headers: Headers): string {
  const hops = (headers.get('x-forwarded-for') ?? '').split(',');
  return addressKey(hops.at(-1)?.trim() ?? '');
}

export function addressKey(address: string): string {
  if (isIPv4(address)) return address;
  if (!isIPv6(address)) return 'unknown';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped && isIPv4(mapped[1]!)) return mapped[1]!;
  return `${ipv6Groups(address).slice(0, 4).join(':')}::/64`;
}

/** The eight 16-bit groups of a valid IPv6 address, as lower-case hex without leading zeros. */
function ipv6Groups(address: string): string[] {
  const withoutZone = address.split('%')[0]!;
  const [head = '', tail] = withoutZone.split('::');
  const parse = (part: string) => (part === '' ? [] : part.split(':'));
  let headGroups = parse(head);
  let tailGroups = tail === undefined ? [] : parse(tail);
  // An embedded IPv4 tail (::1.2.3.4) stands for the last two groups.
  const expandIPv4 = (groups: string[]) => {
    const last = groups.at(-1);
    if (!last || !isIPv4(last)) return groups;
    const [a, b, c, d] = last.split('.').map(Number) as [number, number, number, number];
    return [...groups.slice(0, -1), ((a << 8) | b).toString(16), ((c << 8) | d).toString(16)];
  };
  if (tail === undefined) headGroups = expandIPv4(headGroups);
  else tailGroups = expandIPv4(tailGroups);
  const missing = 8 - headGroups.length - tailGroups.length;
  const groups = [...headGroups, ...Array.from({ length: Math.max(0, missing) }, () => '0'), ...tailGroups];
  return groups.map((group) => parseInt(group, 16).toString(16));
}
