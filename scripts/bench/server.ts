// bench:server — the hosted API with many learners and events loaded (server-side
// generate_series, not HTTP), then autocannon on loopback: event ingestion and rank-around-me,
// p50/p99 and requests per second, on PGlite and on PostgreSQL (DRONA_BENCH_DATABASE_URL).
// Baseline measured in the same run: GET /healthz on the same server (no database).
//   npx tsx scripts/bench/server.ts [--quick] [--learners N] [--events N] [--engine pglite|postgresql|both] [--seconds S] [--batch N] [--skip-load]
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SignJWT } from 'jose';
import pg from 'pg';
import { cpuMs } from './process-cpu';
import { openDatabase, sql, type Database } from '../../server/db/database';
import { loadKeys, type ServerKeys } from '../../server/keys';
import { restripe } from '../../server/score-stripes';
import { cookieName, dashboardToken } from '../../server/dashboard/session';
import { rebuildProgress, weekStartOf } from '../../server/course-progress';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const quick = args.includes('--quick');
const learners = Number(flag('--learners') ?? (quick ? 10_000 : 100_000));
const eventCount = Number(flag('--events') ?? (quick ? 500_000 : 5_000_000));
const seconds = Number(flag('--seconds') ?? (quick ? 5 : 10));
const engineFlag = flag('--engine') ?? 'both';
// Re-measure a PostgreSQL database loaded by an earlier run (the load takes minutes).
const skipLoad = args.includes('--skip-load');
const pgUrl = process.env.DRONA_BENCH_DATABASE_URL;
// Events per ingestion request (the app sends up to 50 when it drains a backlog).
const batch = Number(flag('--batch') ?? 10);

async function load(db: Database) {
  const now = Date.now();
  const span = 25 * 86_400_000;
  const t0 = performance.now();
  await db.query(sql`insert into learners (id, display_name, timezone, opted_in, created_at)
    select 'l' || g, 'Learner ' || g, 'UTC', true, ${now} from generate_series(1, ${learners}) g`);
  // The events' secondary indexes are dropped for the load and built once after it (a sorted
  // build, not 50 million random inserts into them), from their own definitions.
  const indexes = await db.query<{ name: string; def: string }>(
    sql`select indexname as name, indexdef as def from pg_indexes where tablename = 'events' and indexname <> 'events_pkey'`,
  );
  for (const { name } of indexes) await db.query(sql.raw(`drop index "${name}"`));
  // Events spread over learners and the last 25 days; dates and ISO weeks computed in SQL.
  const chunk = 500_000;
  for (let from = 1; from <= eventCount; from += chunk) {
    if (from > 1) process.stdout.write(`  ${(from - 1).toLocaleString()} events in ${((performance.now() - t0) / 1000).toFixed(0)} s\n`);
    const to = Math.min(eventCount, from + chunk - 1);
    await db.query(sql`insert into events (learner_id, idempotency_key, kind, course_id, lesson_id, occurred_at, local_date, week, xp, facts, received_at)
      select 'l' || ((g * 7919) % ${learners} + 1), 'seed-' || g, 'check-passed', 'course-' || ((g / 7) % 5), 'lesson-' || ((g / 3) % 60), t,
        to_char(to_timestamp(t / 1000.0) at time zone 'UTC', 'YYYY-MM-DD'), to_char(to_timestamp(t / 1000.0) at time zone 'UTC', 'IYYY-"W"IW'),
        5 + ((g * 7 + g / 11) % 41)::int, '{}'::jsonb, ${now}
      from (select g, ${now} - (g::bigint * 7 % ${span}) as t from generate_series(${from}::bigint, ${to}::bigint) g) s`);
  }
  const insertedAt = performance.now();
  await db.transaction(async (q) => {
    await q(sql`set local maintenance_work_mem = '1GB'`);
    for (const { def } of indexes) await q(sql.raw(def));
  });
  const eventsAt = performance.now();
  process.stdout.write(`  events inserted in ${((insertedAt - t0) / 1000).toFixed(0)} s, indexed in ${((eventsAt - insertedAt) / 1000).toFixed(0)} s\n`);
  await db.query(sql`insert into scores (board, learner_id, score, visible) select 'all', learner_id, sum(xp), true from events group by learner_id`);
  await db.query(
    sql`insert into scores (board, learner_id, score, visible) select 'week:' || week, learner_id, sum(xp), true from events group by learner_id, week`,
  );
  await db.query(
    sql`insert into scores (board, learner_id, score, visible) select 'course:' || course_id, learner_id, sum(xp), true from events group by learner_id, course_id`,
  );
  await restripe((statement) => db.query(statement));
  await db.query(sql`update learners l set total_xp = s.score from scores s where s.board = 'all' and s.learner_id = l.id`);
  await rebuildProgress(db.query, weekStartOf(now));
  await db.query(sql`vacuum analyze`);
  const [{ n }] = (await db.query<{ n: number }>(sql`select count(*)::int as n from scores`)) as [{ n: number }];
  return { eventsSeconds: (eventsAt - t0) / 1000, totalSeconds: (performance.now() - t0) / 1000, scoreRows: n };
}

const benchCohort = '00000000-0000-4000-8000-00000000000c';
const cohortSize = 1000;

/**
 * A 1,000-learner cohort of the loaded learners (l2…l1001), instructed by l1, with two of the
 * loaded courses assigned (registered with 60 lessons each), and a dashboard cookie for l1.
 */
async function seedCohort(db: Database, keys: ServerKeys): Promise<string> {
  const now = Date.now();
  const org = '00000000-0000-4000-8000-00000000000a';
  const outline = JSON.stringify({
    modules: [{ id: 'm', title: 'M', lessons: Array.from({ length: 60 }, (_, i) => ({ id: `lesson-${i}`, type: 'practice', title: `Lesson ${i}` })) }],
  });
  await db.query(sql`insert into organisations (id, name, seat_limit, created_at) values (${org}, 'Bench org', 100000, ${now}) on conflict do nothing`);
  await db.query(sql`insert into cohorts (id, org_id, name, created_at) values (${benchCohort}, ${org}, 'Bench cohort', ${now}) on conflict do nothing`);
  await db.query(sql`insert into org_members (org_id, learner_id, role, joined_at) select ${org}, 'l' || g, case when g = 1 then 'instructor' else 'learner' end, ${now}
    from generate_series(1, ${cohortSize + 1}) g on conflict do nothing`);
  await db.query(sql`insert into cohort_members (cohort_id, learner_id, role, joined_at) select ${benchCohort}, 'l' || g, case when g = 1 then 'instructor' else 'learner' end, ${now}
    from generate_series(1, ${cohortSize + 1}) g on conflict do nothing`);
  for (const course of ['course-0', 'course-1']) {
    await db.query(sql`insert into courses (id, version, title, outline, digest, registered_at, registered_by)
      values (${course}, '1.0.0', ${course}, ${outline}::jsonb, ${course}, ${now}, 'bench') on conflict do nothing`);
    await db.query(
      sql`insert into assignments (cohort_id, course_id, due_at, assigned_at) values (${benchCohort}, ${course}, ${now + 14 * 86_400_000}, ${now}) on conflict do nothing`,
    );
  }
  const sid = '00000000-0000-4000-8000-00000000000b';
  await db.query(
    sql`insert into sessions (id, learner_id, device_name, created_at, last_used_at) values (${sid}, 'l1', 'bench', ${now}, ${now}) on conflict do nothing`,
  );
  return `${cookieName}=${await dashboardToken(keys, 'l1', sid, now)}`;
}

function startChild(env: Record<string, string>, dataDir: string): Promise<{ url: string; pid: number; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, [path.join(root, 'dist/main/cli.js'), 'server', '--port', '0', '--data-dir', dataDir, '--rate-limit', '100000'], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /(http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (match) resolve({ url: match[1]!, pid: child.pid!, stop: () => new Promise((r) => (child.once('exit', () => r()), child.kill('SIGTERM'))) });
    });
    child.once('exit', (code) => reject(new Error(`server exited ${code}: ${out}`)));
  });
}

/**
 * CPU time, not latency, is what a loaded machine cannot distort: the server process's and its
 * PostgreSQL backends' (the bench and PostgreSQL share this machine; PGlite runs in the server).
 */
interface CpuProbe {
  server: number;
  /** Each backend's CPU time in ms, by process id. */
  database: () => Promise<Map<number, number>>;
}

/**
 * Database CPU over a phase, sampled every 250 ms by backend: the pool closes idle connections
 * during a phase, and a sum of the backends open at its start and end alone lost their CPU (it
 * printed negative figures). A backend that ends loses at most its last 250 ms.
 */
async function databaseCpuDuring<T>(probe: CpuProbe, run: Promise<T>): Promise<{ result: T; ms: number }> {
  const first = await probe.database();
  const last = new Map(first);
  const sample = async () => {
    for (const [pid, ms] of await probe.database()) {
      if (!first.has(pid)) first.set(pid, 0);
      last.set(pid, ms);
    }
  };
  let sampling = Promise.resolve();
  const timer = setInterval(() => (sampling = sampling.then(sample)), 250);
  const result = await run;
  clearInterval(timer);
  await sampling;
  await sample();
  let ms = 0;
  for (const [pid, end] of last) ms += end - first.get(pid)!;
  return { result, ms };
}

async function cannon(opts: autocannon.Options, cpu?: CpuProbe) {
  const serverBefore = cpu ? cpuMs(cpu.server) : 0;
  const running = autocannon({ connections: 16, duration: seconds, ...opts });
  const { result, ms: databaseMs } = cpu ? await databaseCpuDuring(cpu, running) : { result: await running, ms: 0 };
  const requests = Math.max(1, result.requests.total);
  const cpuPerRequest = cpu ? { server: (cpuMs(cpu.server) - serverBefore) / requests, database: databaseMs / requests } : null;
  // autocannon's percentiles are whole milliseconds; p97_5/p99 come from its histogram.
  return { p50: result.latency.p50, p99: result.latency.p99, rps: result.requests.average, errors: result.errors + result.non2xx, cpuPerRequest };
}

/**
 * GETs of `url` from `connections` loops for the run's seconds, each latency kept (autocannon's
 * percentiles have no p95): the dashboard's goal is a p95.
 */
async function sample(url: string, headers: Record<string, string>, connections: number) {
  const times: number[] = [];
  let errors = 0;
  const until = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < until) {
        const t = performance.now();
        const res = await fetch(url, { headers });
        await res.arrayBuffer();
        if (!res.ok) errors++;
        times.push(performance.now() - t);
      }
    }),
  );
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? Number.NaN;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), requests: times.length, errors };
}

async function benchEngine(engine: 'pglite' | 'postgresql') {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'drona-bench-'));
  const reuse = skipLoad && engine === 'postgresql';
  if (engine === 'postgresql' && !reuse) {
    const client = new pg.Client({ connectionString: pgUrl });
    await client.connect();
    await client.query('drop schema if exists public cascade; create schema public; drop schema if exists drizzle cascade;');
    await client.end();
  }
  const db = await openDatabase({ databaseUrl: engine === 'postgresql' ? pgUrl : undefined, dataDir: engine === 'pglite' ? dataDir : null });
  const keys = await loadKeys(db);
  if (reuse) {
    const [row] = await db.query<{ n: number }>(sql`select count(*)::int as n from learners`);
    if (!row || row.n < learners) throw new Error(`--skip-load: the database has ${row?.n ?? 0} learners, fewer than ${learners}; run once without it.`);
    process.stdout.write(`${engine}: reusing the loaded database (${row.n.toLocaleString()} learners)\n`);
  } else {
    process.stdout.write(`${engine}: loading ${learners.toLocaleString()} learners and ${eventCount.toLocaleString()} events…\n`);
    const loaded = await load(db);
    process.stdout.write(
      `${engine}: loaded in ${loaded.totalSeconds.toFixed(0)} s (events ${loaded.eventsSeconds.toFixed(0)} s, ${loaded.scoreRows.toLocaleString()} score rows)\n`,
    );
  }
  const cookie = await seedCohort(db, keys);
  await db.close();

  // The index's figures are in /metrics, behind the admin token (the public /readyz only says ready).
  const adminToken = crypto.randomUUID();
  const server = await startChild({ ...(engine === 'postgresql' ? { DATABASE_URL: pgUrl! } : {}), DRONA_ADMIN_TOKEN: adminToken }, dataDir);
  // The rank index loads after start (the database answers meanwhile): measure once it has.
  for (const started = Date.now(); ; await new Promise((resolve) => setTimeout(resolve, 200))) {
    const res = await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${adminToken}` } });
    if (!res.ok) throw new Error(`/metrics answered ${res.status}`);
    const text = await res.text();
    const gauge = (name: string) => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1] ?? NaN);
    const ready = gauge('drona_rank_index_ready');
    if (Number.isNaN(ready) || ready === 1) {
      process.stdout.write(
        Number.isNaN(ready)
          ? `${engine}: rank index off (DRONA_RANK_INDEX=off)\n`
          : `${engine}: rank index loaded in ${gauge('drona_rank_index_load_seconds').toFixed(1)} s (${gauge('drona_rank_index_rows').toLocaleString()} rows on ${gauge('drona_rank_index_boards')} boards; server heap ${(gauge('drona_rank_index_heap_bytes') / 2 ** 20).toFixed(0)} MiB, ${((Date.now() - started) / 1000).toFixed(1)} s after start)\n`,
      );
      break;
    }
    if (Date.now() - started > 900_000) throw new Error('the rank index did not load in 15 minutes');
  }
  // The server's backends (every other session of the database is this bench's own probe).
  const probeClient = engine === 'postgresql' ? new pg.Client({ connectionString: pgUrl }) : null;
  await probeClient?.connect();
  const cpu: CpuProbe = {
    server: server.pid,
    database: async () => {
      if (!probeClient) return new Map<number, number>();
      const { rows } = await probeClient.query<{ pid: number }>(
        'select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
      );
      return new Map(rows.map((row) => [row.pid, cpuMs(row.pid)] as const).filter(([, ms]) => !Number.isNaN(ms)));
    },
  };
  const tokenCount = 2000;
  const tokens: string[] = [];
  for (let i = 0; i < tokenCount; i++) {
    const id = `l${1 + Math.floor(Math.random() * learners)}`;
    tokens.push(await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject(id).setIssuedAt().setExpirationTime('2h').sign(keys.accessSecret));
  }
  let n = 0;
  const pick = () => tokens[n++ % tokenCount]!;
  const base = await cannon({ url: `${server.url}/healthz` }, cpu);
  // Latency at light load (4 connections), then throughput at 16.
  const rank = await cannon({
    url: server.url,
    connections: 4,
    requests: [{ method: 'GET', path: '/v1/leaderboards/all/around-me', setupRequest: (req) => ({ ...req, headers: { authorization: `Bearer ${pick()}` } }) }],
  });
  const rankThroughput = await cannon(
    {
      url: server.url,
      requests: [
        { method: 'GET', path: '/v1/leaderboards/all/around-me', setupRequest: (req) => ({ ...req, headers: { authorization: `Bearer ${pick()}` } }) },
      ],
    },
    cpu,
  );
  let key = 0;
  const slotsFrom = Date.now() - 20 * 86_400_000;
  const ingest = await cannon(
    {
      url: server.url,
      requests: [
        {
          method: 'POST',
          path: '/v1/events',
          setupRequest: (req) => {
            // Completions as the app sends them: each claims its active time, and every one has its
            // own 20 s slot of the last days, so no two of a learner overlap and all are accepted.
            const events = Array.from({ length: batch }, (_, i) => ({
              idempotencyKey: `bench-${process.pid}-${++key}`,
              kind: i % 2 ? 'check-passed' : 'quiz-passed',
              courseId: `course-${key % 5}`,
              lessonId: `lesson-${key % 60}`,
              occurredAt: slotsFrom + key * 21_000,
              activeSeconds: 20,
              timezone: 'UTC',
              facts: { score: 90 },
            }));
            return { ...req, headers: { authorization: `Bearer ${pick()}`, 'content-type': 'application/json' }, body: JSON.stringify({ events }) };
          },
        },
      ],
    },
    cpu,
  );
  // The instructor dashboard at 4 connections, beside /healthz sampled the same way.
  const dashboardBase = await sample(`${server.url}/healthz`, {}, 4);
  const dashboard = await sample(`${server.url}/dashboard/cohorts/${benchCohort}`, { cookie }, 4);
  await probeClient?.end();
  await server.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
  return { engine, base, rank, rankThroughput, ingest, dashboard, dashboardBase };
}

const engines = engineFlag === 'both' ? (['pglite', 'postgresql'] as const) : [engineFlag as 'pglite' | 'postgresql'];
const results = [];
for (const engine of engines) {
  if (engine === 'postgresql' && !pgUrl) {
    process.stdout.write('postgresql: skipped, DRONA_BENCH_DATABASE_URL is not set (.ci/run sets it)\n');
    continue;
  }
  results.push(await benchEngine(engine));
}
const ms = (v: number) => `${v.toFixed(1)} ms`;
const cores = os.cpus().length;
const cpuText = (c: { server: number; database: number } | null) => (c ? `${ms(c.server)} / ${ms(c.database)}` : 'n/a');
/** Events per second the machine's cores would ingest if ingestion had them all, at the measured CPU per request. */
const capacity = (c: { server: number; database: number } | null) =>
  c ? `${((cores * 1000 * batch) / (c.server + c.database)).toFixed(0)} events/s at most` : 'n/a';
process.stdout.write(
  `\nbench:server — ${learners.toLocaleString()} learners, ${eventCount.toLocaleString()} events, ${seconds} s per run, 16 connections, ${os.cpus().length} cores\n`,
);
for (const r of results) {
  const eventsPerSecond = r.ingest.rps * batch;
  process.stdout.write(
    `\n[${r.engine}]\n` +
      `  baseline GET /healthz          p50 ${ms(r.base.p50)}  p99 ${ms(r.base.p99)}  ${r.base.rps.toFixed(0)} req/s\n` +
      `  rank-around-me, 4 connections  p50 ${ms(r.rank.p50)}  p99 ${ms(r.rank.p99)}  ${r.rank.rps.toFixed(0)} req/s (errors ${r.rank.errors})\n` +
      `  rank-around-me, 16 connections p50 ${ms(r.rankThroughput.p50)}  p99 ${ms(r.rankThroughput.p99)}  ${r.rankThroughput.rps.toFixed(0)} req/s  (baseline ${(r.base.rps / Math.max(1, r.rankThroughput.rps)).toFixed(1)}× as many, errors ${r.rankThroughput.errors})\n` +
      `  ingestion (${batch} events/request) p50 ${ms(r.ingest.p50)}  p99 ${ms(r.ingest.p99)}  ${r.ingest.rps.toFixed(0)} req/s = ${eventsPerSecond.toFixed(0)} events/s (errors ${r.ingest.errors})\n` +
      `  CPU per request (server / PostgreSQL backends): /healthz ${cpuText(r.base.cpuPerRequest)}, rank ${cpuText(r.rankThroughput.cpuPerRequest)}, ingestion ${cpuText(r.ingest.cpuPerRequest)}; ${cores} cores at this cost: ${capacity(r.ingest.cpuPerRequest)}\n` +
      `  baseline GET /healthz, 4 connections p50 ${ms(r.dashboardBase.p50)}  p95 ${ms(r.dashboardBase.p95)}  p99 ${ms(r.dashboardBase.p99)}\n` +
      `  dashboard, ${cohortSize.toLocaleString()}-learner cohort, 4 connections p50 ${ms(r.dashboard.p50)}  p95 ${ms(r.dashboard.p95)}  p99 ${ms(r.dashboard.p99)}  ${r.dashboard.requests} requests (p95 ${(r.dashboard.p95 / r.dashboardBase.p95).toFixed(0)}× the baseline's, errors ${r.dashboard.errors})\n`,
  );
  if (r.engine === 'postgresql') {
    process.stdout.write(
      `  goals: rank p99 < 20 ms at 16 connections: ${r.rankThroughput.p99 < 20 ? 'met' : 'NOT met'}; ingestion ≥ 5,000 events/s: ${eventsPerSecond >= 5000 ? 'met' : 'NOT met'}; dashboard p95 < 300 ms: ${r.dashboard.p95 < 300 && r.dashboard.errors === 0 ? 'met' : 'NOT met'}\n`,
    );
  }
}
