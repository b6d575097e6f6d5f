// /metrics: Prometheus text of this instance's requests, behind the admin token unless public.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { labels, Metrics } from './metrics';
import { startServer, type RunningServer } from './start';
import { useTestApi } from './testing/api-harness';

describe('metrics', () => {
  it('escapes label values and counts a request in every bucket at or above its time', () => {
    expect(labels({ route: 'a"b\\c\nd' })).toBe('route="a\\"b\\\\c\\nd"');
    const metrics = new Metrics();
    metrics.record('GET', '/x', 200, 0.015);
    const text = metrics.render('pglite');
    expect(text).toContain('drona_http_requests_total{method="GET",route="/x",status="200"} 1');
    expect(text).toContain('drona_http_request_duration_seconds_bucket{method="GET",route="/x",le="0.01"} 0');
    expect(text).toContain('drona_http_request_duration_seconds_bucket{method="GET",route="/x",le="0.02"} 1');
    expect(text).toContain('drona_http_request_duration_seconds_bucket{method="GET",route="/x",le="+Inf"} 1');
  });

  describe('the endpoint', () => {
    const closed = useTestApi('pglite', { adminToken: 'admin-secret' }, 120_000);
    const open = useTestApi('pglite', { metricsPublic: true }, 120_000);

    it('needs the admin token unless it was made public', async () => {
      expect((await closed.request('GET', '/metrics')).status).toBe(401);
      expect((await closed.request('GET', '/metrics', { token: 'wrong' })).status).toBe(401);
      await closed.request('GET', '/healthz');
      await closed.request('GET', '/v1/cohorts/not-an-id');
      const res = await closed.request('GET', '/metrics', { token: 'admin-secret' });
      expect(res.status).toBe(200);
      // Route patterns, never raw paths: ids do not make new series.
      expect(res.json).toContain('drona_http_requests_total{method="GET",route="/healthz",status="200"} 1');
      expect(res.json).toContain('route="/v1/*",status="401"');
      expect(res.json).not.toContain('not-an-id');
      expect(res.json).toContain('drona_build_info{engine="pglite"} 1');
      expect((await open.request('GET', '/metrics')).status).toBe(200);
    });
  });

  describe('the rank index', () => {
    let server: RunningServer;
    beforeAll(async () => {
      server = await startServer({ dataDir: null, adminToken: 'admin-secret' });
      await server.rankFeed!.whenReady();
    }, 120_000);
    afterAll(() => server.close());

    it('tells an unauthenticated client only ready or not, and the admin its figures', async () => {
      // A scripted client must not learn the boards' sizes from the public readiness check.
      const ready = await fetch(`${server.url}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({ status: 'ready', database: 'pglite' });
      const anonymous = await fetch(`${server.url}/metrics`);
      expect(anonymous.status).toBe(401);
      expect(await anonymous.text()).not.toContain('rank_index');
      const admin = await (await fetch(`${server.url}/metrics`, { headers: { authorization: 'Bearer admin-secret' } })).text();
      expect(admin).toContain('drona_rank_index_ready 1');
      expect(admin).toMatch(/^drona_rank_index_rows \d+$/m);
      expect(admin).toMatch(/^drona_rank_index_boards \d+$/m);
      expect(admin).toMatch(/^drona_rank_index_heap_bytes \d+$/m);
    });
  });
});
