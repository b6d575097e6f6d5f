// /metrics: Prometheus text of this instance's requests, behind the admin token unless public.
import { describe, expect, it } from 'vitest';
import { labels, Metrics } from './metrics';
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
});
