// Prometheus metrics of one instance (each instance is scraped on its own): requests by route
// pattern and status, their durations as a histogram, and the process's memory and uptime.
// Labels are route patterns (/v1/cohorts/:cohortId), never raw paths, so series stay few.
import type { RankFeedStats } from './rank-feed';

/** Seconds: the latency goals (20 ms rank, 300 ms dashboard) fall on bucket edges. */
export const durationBuckets = [0.005, 0.01, 0.02, 0.05, 0.1, 0.3, 1, 3] as const;

interface Series {
  count: number;
  sum: number;
  buckets: number[];
}

export class Metrics {
  private readonly requests = new Map<string, number>();
  private readonly durations = new Map<string, Series>();
  private readonly started = Date.now();

  record(method: string, route: string, status: number, seconds: number): void {
    const key = labels({ method, route, status: String(status) });
    this.requests.set(key, (this.requests.get(key) ?? 0) + 1);
    const routeKey = labels({ method, route });
    const series = this.durations.get(routeKey) ?? { count: 0, sum: 0, buckets: durationBuckets.map(() => 0) };
    series.count += 1;
    series.sum += seconds;
    durationBuckets.forEach((edge, i) => {
      if (seconds <= edge) series.buckets[i]! += 1;
    });
    this.durations.set(routeKey, series);
  }

  /** The text exposition format (version 0.0.4); `extra` are more lines of it (see rankIndexMetrics). */
  render(engine: string, extra: readonly string[] = []): string {
    const out: string[] = [];
    const head = (name: string, type: string, help: string) => out.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`);
    head('drona_http_requests_total', 'counter', 'HTTP requests answered, by method, route pattern and status.');
    for (const [key, n] of this.requests) out.push(`drona_http_requests_total{${key}} ${n}`);
    head('drona_http_request_duration_seconds', 'histogram', 'Time to answer, by method and route pattern.');
    for (const [key, s] of this.durations) {
      durationBuckets.forEach((edge, i) => out.push(`drona_http_request_duration_seconds_bucket{${key},le="${edge}"} ${s.buckets[i]}`));
      out.push(`drona_http_request_duration_seconds_bucket{${key},le="+Inf"} ${s.count}`);
      out.push(`drona_http_request_duration_seconds_sum{${key}} ${s.sum}`, `drona_http_request_duration_seconds_count{${key}} ${s.count}`);
    }
    const memory = process.memoryUsage();
    head('process_resident_memory_bytes', 'gauge', 'Resident memory of the API process.');
    out.push(`process_resident_memory_bytes ${memory.rss}`);
    head('nodejs_heap_used_bytes', 'gauge', "V8's used heap.");
    out.push(`nodejs_heap_used_bytes ${memory.heapUsed}`);
    head('process_start_time_seconds', 'gauge', 'When the process started (Unix seconds).');
    out.push(`process_start_time_seconds ${Math.floor(this.started / 1000)}`);
    head('drona_build_info', 'gauge', 'Always 1; the database engine as a label.');
    out.push(`drona_build_info{${labels({ engine })}} 1`, ...extra);
    return `${out.join('\n')}\n`;
  }
}

/** `a="x",b="y"` with the format's escapes (backslash, quote, newline). */
export function labels(values: Record<string, string>): string {
  return Object.entries(values)
    .map(([name, value]) => `${name}="${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`)
    .join(',');
}

/**
 * The rank index's state and last load, for /metrics: the admin's, not the public's (its row and
 * board counts tell how big the boards are).
 */
export function rankIndexMetrics(feed: { readonly ready: boolean; readonly stats: RankFeedStats | null }): string[] {
  const out: string[] = [];
  const gauge = (name: string, help: string, value: number) => out.push(`# HELP ${name} ${help}`, `# TYPE ${name} gauge`, `${name} ${value}`);
  gauge('drona_rank_index_ready', 'Whether rank-around-me answers from the in-memory index (1) or reads the database (0).', feed.ready ? 1 : 0);
  const stats = feed.stats;
  if (stats) {
    gauge('drona_rank_index_load_seconds', "The index's last load, in seconds.", stats.loadMs / 1000);
    gauge('drona_rank_index_boards', 'Boards in the index at its last load.', stats.boards);
    gauge('drona_rank_index_rows', 'Score rows in the index at its last load.', stats.rows);
    gauge('drona_rank_index_heap_bytes', "V8's used heap once the index was loaded (the index and everything else).", stats.heapBytes);
  }
  return out;
}
