// Attacks with big bodies against a real server on loopback: an unauthenticated 150 MB sign-up
// (declared or streamed chunked), four at once, and 100 MB of event facts. Each is refused with
// 413 as soon as its size shows, before it is buffered: the server's memory barely moves.
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeWhen } from '../common/testing/capabilities';
import { startServer, type RunningServer } from './start';
import { useTestApi, testDatabaseUrl, type Engine } from './testing/api-harness';

const MB = 1024 * 1024;

/** POSTs `size` bytes of JSON built around one reused 1 MB chunk, with back-pressure; resolves on the answer. */
function bigPost(
  url: string,
  path: string,
  size: number,
  options: { chunked?: boolean; token?: string; prefix?: string } = {},
): Promise<{ status: number; body: string; sent: number }> {
  const prefix = Buffer.from(options.prefix ?? '{"displayName":"');
  const suffix = Buffer.from('","timezone":"UTC"}');
  const chunk = Buffer.alloc(MB, 'a');
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const req = http.request(`${url}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(options.chunked ? {} : { 'content-length': String(size) }),
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      },
    });
    req.on('response', (res) => {
      answered = true;
      let body = '';
      res.on('data', (d) => (body += String(d)));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, sent }));
    });
    req.on('error', (error) => {
      // The server may close the connection right after answering; the answer is what counts.
      if (!answered) reject(error);
    });
    const write = async () => {
      req.write(prefix);
      sent += prefix.length;
      while (sent + suffix.length < size && !answered && !req.destroyed) {
        const piece = chunk.subarray(0, Math.min(MB, size - suffix.length - sent));
        sent += piece.length;
        if (!req.write(piece)) await new Promise<void>((r) => (req.once('drain', r), req.once('close', r), req.once('response', () => r())));
      }
      if (!answered && !req.destroyed) req.end(suffix);
    };
    void write();
  });
}

/** Largest RSS growth over `baseline` while `work` runs, sampled every 5 ms. */
/** A new learner on the server at `url`; its access token. */
async function signUp(url: string, displayName: string): Promise<string> {
  const answer = await fetch(`${url}/v1/learners`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ displayName, timezone: 'UTC' }),
  });
  return ((await answer.json()) as { accessToken: string }).accessToken;
}

async function peakRssGrowth(work: () => Promise<unknown>): Promise<number> {
  globalThis.gc?.();
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  return Math.max(peak, process.memoryUsage().rss) - baseline;
}

describe('request bodies against a real server', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ port: 0, dataDir: null });
    // Warm up: the first requests allocate the server's own buffers and JIT code.
    for (let i = 0; i < 3; i++) await bigPost(server.url, '/v1/learners', 64 * 1024);
  });
  afterAll(async () => server?.close());

  it('refuses a 150 MB sign-up with 413 before buffering it (declared length)', async () => {
    let answer: Awaited<ReturnType<typeof bigPost>> | undefined;
    const growth = await peakRssGrowth(async () => (answer = await bigPost(server.url, '/v1/learners', 150 * MB)));
    expect(answer!.status).toBe(413);
    expect(JSON.parse(answer!.body).error).toMatchObject({ code: 'payload_too_large', message: expect.stringContaining('4 KB') });
    expect(answer!.sent).toBeLessThan(150 * MB);
    expect(growth).toBeLessThan(8 * MB);
  });

  it('refuses a 150 MB chunked sign-up as soon as the streamed bytes pass the cap', async () => {
    let answer: Awaited<ReturnType<typeof bigPost>> | undefined;
    const growth = await peakRssGrowth(async () => (answer = await bigPost(server.url, '/v1/learners', 150 * MB, { chunked: true })));
    expect(answer!.status).toBe(413);
    expect(answer!.sent).toBeLessThan(150 * MB);
    expect(growth).toBeLessThan(8 * MB);
  });

  it('refuses four 150 MB sign-ups at once without the memory growing', async () => {
    let answers: Awaited<ReturnType<typeof bigPost>>[] = [];
    const growth = await peakRssGrowth(async () => {
      answers = await Promise.all([false, true, false, true].map((chunked) => bigPost(server.url, '/v1/learners', 150 * MB, { chunked })));
    });
    expect(answers.map((a) => a.status)).toEqual([413, 413, 413, 413]);
    expect(growth).toBeLessThan(16 * MB);
  });

  it('refuses 100 MB of event facts from a signed-in learner', async () => {
    const accessToken = await signUp(server.url, 'Big');
    let answer: Awaited<ReturnType<typeof bigPost>> | undefined;
    const prefix = '{"events":[{"idempotencyKey":"k1","kind":"lesson-completed","occurredAt":1,"timezone":"UTC","facts":{"note":"';
    const growth = await peakRssGrowth(async () => (answer = await bigPost(server.url, '/v1/events', 100 * MB, { token: accessToken, prefix, chunked: true })));
    expect(answer!.status).toBe(413);
    expect(growth).toBeLessThan(8 * MB);
    const count = await server.db.query<{ n: number }>((await import('./db/database')).sql`select count(*)::int as n from events`);
    expect(count[0]!.n).toBe(0);
  });

  it("takes a Gold project's files (the default 1 KB cap refused every real one) up to the app's 8 MB workspace cap", async () => {
    const accessToken = await signUp(server.url, 'Builder');
    const prefix = '{"title":"Tracker","readme":"';
    // Read and answered by the route (the course is not registered here), not refused for its size.
    expect((await bigPost(server.url, '/v1/projects/python-basics/submissions', 40 * 1024, { token: accessToken, prefix })).status).not.toBe(413);
    expect((await bigPost(server.url, '/v1/projects/python-basics/submissions', 9 * MB, { token: accessToken, prefix })).status).toBe(413);
  });
});

function fieldSuite(engine: Engine) {
  const t = useTestApi(engine);

  it('caps every field: names, emails, ids and the facts of each event', async () => {
    const long = (n: number) => 'x'.repeat(n);
    expect((await t.request('POST', '/v1/learners', { body: { displayName: long(81), timezone: 'UTC' } })).status).toBe(400);
    expect((await t.request('POST', '/v1/learners', { body: { displayName: 'Ok', email: `${long(300)}@example.com`, timezone: 'UTC' } })).status).toBe(400);
    const { accessToken } = (await t.request('POST', '/v1/learners', { body: { displayName: 'Capped', timezone: 'UTC' } })).json;
    const event = (facts: unknown, key = 'k') => ({ idempotencyKey: key, kind: 'hint-revealed', occurredAt: Date.now() - 60_000, timezone: 'UTC', facts });
    const bigFacts = await t.request('POST', '/v1/events', { token: accessToken, body: { events: [event({ note: long(5000) })] } });
    expect(JSON.stringify(bigFacts.json)).toContain('4 KB');
    // A facts object nested too deep to measure safely is refused, not a stack overflow.
    const depth = 100_000;
    const deep = `{"events":[{"idempotencyKey":"deep","kind":"hint-revealed","occurredAt":${Date.now() - 60_000},"timezone":"UTC","facts":{"a":${'['.repeat(depth)}${']'.repeat(depth)}}}]}`;
    const nested = await t.request('POST', '/v1/events', { token: accessToken, body: deep });
    expect(nested.status).not.toBe(500);
    expect(JSON.stringify(nested.json)).toMatch(/nested|4 KB/);
    const tooMany = await t.request('POST', '/v1/events', { token: accessToken, body: { events: Array.from({ length: 201 }, (_, i) => event({}, `k${i}`)) } });
    expect(tooMany.status).toBe(400);
    const fine = await t.request('POST', '/v1/events', { token: accessToken, body: { events: [event({ note: long(3000) }, 'ok-1')] } });
    expect(fine.json.results[0].status).toBe('accepted');
  });
}

describeWhen(true, 'PGlite', 'field caps on PGlite', () => fieldSuite('pglite'));
describeWhen(Boolean(testDatabaseUrl), 'a PostgreSQL in DRONA_TEST_DATABASE_URL', 'field caps on PostgreSQL', () => fieldSuite('postgresql'));
