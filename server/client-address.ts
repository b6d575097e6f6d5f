// The address a request comes from, for per-client rate limits. Behind a reverse proxy every
// socket is the proxy's, so its X-Forwarded-For is believed, but only when the socket peer is a
// proxy the operator named: anyone else can write that header. The chain is read from the right
// (the hop our own proxy appended) past every trusted proxy, to the first address it did not
// write for itself.
import net from 'node:net';

export type TrustedProxies = (address: string) => boolean;

/** `::ffff:10.0.0.1` (an IPv4 peer on a dual-stack socket) is 10.0.0.1. */
function normalize(address: string): string {
  const trimmed = address.trim().replace(/^\[|\]$/g, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(trimmed);
  return mapped ? mapped[1]! : trimmed;
}

/**
 * Parses a list of proxy addresses and CIDR ranges (`10.0.0.0/8, 192.168.1.7, fd00::/8`);
 * throws on an entry that is neither, naming it.
 */
export function trustedProxies(list: readonly string[]): TrustedProxies {
  const blocks = new net.BlockList();
  for (const raw of list.map((entry) => entry.trim()).filter(Boolean)) {
    const [address = '', prefix] = raw.split('/');
    const family = net.isIP(normalize(address));
    const bits = prefix === undefined ? (family === 4 ? 32 : 128) : Number(prefix);
    if (family === 0 || !Number.isInteger(bits) || bits < 0 || bits > (family === 4 ? 32 : 128)) {
      throw new Error(`"${raw}" is not an IP address or a CIDR range (for example 10.0.0.0/8 or 2001:db8::/32).`);
    }
    blocks.addSubnet(normalize(address), bits, family === 4 ? 'ipv4' : 'ipv6');
  }
  return (address) => {
    const ip = normalize(address);
    const family = net.isIP(ip);
    return family !== 0 && blocks.check(ip, family === 4 ? 'ipv4' : 'ipv6');
  };
}

/** The client's address: the socket peer, or (from a trusted proxy) the rightmost untrusted hop of X-Forwarded-For. */
export function clientAddress(peer: string | undefined, forwardedFor: string | undefined, trusted: TrustedProxies): string {
  const socket = normalize(peer ?? 'local');
  if (!forwardedFor || !trusted(socket)) return socket;
  const hops = forwardedFor.split(',').map(normalize).filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    if (!trusted(hops[i]!)) return hops[i]!;
  }
  // Every hop is a proxy of ours: the leftmost is the closest thing to a client.
  return hops[0] ?? socket;
}
