// Per-client rate limits behind a reverse proxy: X-Forwarded-For is believed only from a proxy the
// operator named, read from the right; a client writing the header itself keeps its own bucket.
import { afterEach, describe, expect, it } from 'vitest';
import { clientAddress, trustedProxies } from './client-address';
import { startServer, type RunningServer } from './start';

describe('client address', () => {
  const proxies = trustedProxies(['10.0.0.0/8', '192.168.1.7', 'fd00::/8']);

  it('parses addresses and CIDR ranges, and names a bad entry', () => {
    expect(proxies('10.1.2.3')).toBe(true);
    expect(proxies('::ffff:10.1.2.3')).toBe(true);
    expect(proxies('192.168.1.7')).toBe(true);
    expect(proxies('192.168.1.8')).toBe(false);
    expect(proxies('fd12::1')).toBe(true);
    expect(proxies('203.0.113.9')).toBe(false);
    expect(proxies('not-an-ip')).toBe(false);
    expect(() => trustedProxies(['10.0.0.0/33'])).toThrow(/"10.0.0.0\/33" is not an IP address or a CIDR range/);
    expect(() => trustedProxies(['proxy.internal'])).toThrow(/proxy.internal/);
  });

  it('ignores X-Forwarded-For from a peer that is not a trusted proxy', () => {
    expect(clientAddress('203.0.113.9', '198.51.100.1', proxies)).toBe('203.0.113.9');
    expect(clientAddress('::ffff:203.0.113.9', undefined, proxies)).toBe('203.0.113.9');
    expect(clientAddress('203.0.113.9', '10.0.0.1', trustedProxies([]))).toBe('203.0.113.9');
  });

  it('takes the rightmost untrusted hop from a trusted proxy', () => {
    // The client forged "1.1.1.1"; our proxies appended the real address, then each other's.
    expect(clientAddress('10.0.0.2', '1.1.1.1, 198.51.100.7', proxies)).toBe('198.51.100.7');
    expect(clientAddress('10.0.0.2', '1.1.1.1, 198.51.100.7, 10.0.0.9, 192.168.1.7', proxies)).toBe('198.51.100.7');
    expect(clientAddress('10.0.0.2', ' 10.0.0.3 ,10.0.0.4', proxies)).toBe('10.0.0.3');
    expect(clientAddress('10.0.0.2', '', proxies)).toBe('10.0.0.2');
  });
});

describe('rate limits per client behind a proxy (real server on loopback)', () => {
  let server: RunningServer | null = null;
  afterEach(async () => {
    await server?.close();
    server = null;
  });
  // Sign-up and refresh are limited per client address; a refresh with no token is refused after the limit is taken.
  const hit = async (forwardedFor?: string) =>
    (
      await fetch(`${server!.url}/v1/auth/refresh`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}) },
        body: '{}',
      })
    ).status;
  const start = (trusted: string[]) => startServer({ dataDir: null, rateLimit: { burst: 3, perSecond: 0.001 }, trustedProxies: trusted });

  it('a client sending X-Forwarded-For itself does not escape its bucket', async () => {
    server = await start([]);
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push(await hit(`198.51.100.${i}`));
    expect(statuses).toEqual([400, 400, 400, 429, 429, 429]);
  }, 120_000);

  it('behind a trusted proxy each client has its own bucket, whatever it forges', async () => {
    server = await start(['127.0.0.1']);
    for (let i = 0; i < 3; i++) expect(await hit('198.51.100.1')).toBe(400);
    expect(await hit('198.51.100.1')).toBe(429);
    // Another client through the same proxy is untouched…
    expect(await hit('198.51.100.2')).toBe(400);
    // …and the first cannot get out by prefixing a forged hop: the proxy's appended address decides.
    expect(await hit('203.0.113.50, 198.51.100.1')).toBe(429);
  }, 120_000);
});
