// bench:rate-limit — what a rate-limited request costs PostgreSQL: an API server (its own process,
// the code of --checkout, this one by default) on a scratch database next to
// DRONA_BENCH_DATABASE_URL's, and autocannon at 16 connections on a limited route that does nothing
// else (an unknown /v1 path: the learner's token is taken, then 404). Prints transactions committed
// per request (from pg_stat_database) and CPU per request of the server and its backends.
//   npx tsx scripts/bench/rate-limit.ts [--checkout DIR] [--seconds S] [--connections N]
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { cpuMs } from './process-cpu';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const checkout = path.resolve(flag('--checkout') ?? root);
const seconds = Number(flag('--seconds') ?? 10);
const connections = Number(flag('--connections') ?? 16);
const baseUrl = process.env.DRONA_BENCH_DATABASE_URL;
if (!baseUrl) throw new Error('Set DRONA_BENCH_DATABASE_URL (a PostgreSQL the bench may create a scratch database next to).');

async function admin(statement: string) {
  const client = new pg.Client({ connectionString: baseUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

function startChild(databaseUrl: string): Promise<{ url: string; pid: number; stop: () => Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'drona-rl-bench-'));
  const entry = path.join(dir, 'serve.mts');
  fs.writeFileSync(
    entry,
    `import { startServer } from ${JSON.stringify(path.join(checkout, 'server/start.ts'))};
const server = await startServer({ databaseUrl: ${JSON.stringify(databaseUrl)}, port: 0, poolSize: 10, rateLimit: { burst: 1e9, perSecond: 1e6 } });
console.log(server.url);
process.on('SIGTERM', () => void server.close().then(() => process.exit(0)));
`,
  );
  const child = spawn(process.execPath, ['--import', 'tsx', entry], { cwd: checkout, stdio: ['ignore', 'pipe', 'ignore'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /(http:\/\/[^\s]+)/.exec(out);
      if (match)
        resolve({ url: match[1]!.replace(/\/$/, ''), pid: child.pid!, stop: () => new Promise((r) => (child.once('exit', () => r()), child.kill('SIGTERM'))) });
    });
    child.once('exit', (code) => reject(new Error(`server exited ${code}: ${out}`)));
  });
}

const name = `drona_rl_bench_${crypto.randomBytes(4).toString('hex')}`;
await admin(`create database ${name}`);
const url = new URL(baseUrl);
url.pathname = `/${name}`;
let server: Awaited<ReturnType<typeof startChild>> | undefined;
const probe = new pg.Client({ connectionString: url.toString() });
try {
  const running = (server = await startChild(url.toString()));
  await probe.connect();
  const tokens: string[] = [];
  for (let i = 0; i < 200; i++) {
    const res = await fetch(`${running.url}/v1/learners`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ displayName: `Bench ${i}`, timezone: 'UTC' }),
    });
    tokens.push(((await res.json()) as { accessToken: string }).accessToken);
  }
  const backends = async () => {
    const { rows } = await probe.query<{ pid: number }>('select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()');
    return new Map(rows.map((row) => [row.pid, cpuMs(row.pid)] as const).filter(([, ms]) => !Number.isNaN(ms)));
  };
  const commits = async () => {
    // The statistics collector lags: ask for a fresh snapshot.
    await probe.query('select pg_stat_clear_snapshot()');
    const { rows } = await probe.query<{ n: string }>('select xact_commit as n from pg_stat_database where datname = current_database()');
    return Number(rows[0]!.n);
  };
  let n = 0;
  const run = async (route: string) => {
    const first = await backends();
    const last = new Map(first);
    const sample = async () => {
      for (const [pid, ms] of await backends()) {
        if (!first.has(pid)) first.set(pid, 0);
        last.set(pid, ms);
      }
    };
    const commitsBefore = await commits();
    const serverBefore = cpuMs(running.pid);
    let sampling = Promise.resolve();
    const timer = setInterval(() => (sampling = sampling.then(sample)), 250);
    const result = await autocannon({
      url: `${running.url}${route}`,
      connections,
      duration: seconds,
      requests: [{ setupRequest: (req) => ({ ...req, headers: { ...req.headers, authorization: `Bearer ${tokens[n++ % tokens.length]!}` } }) }],
    });
    clearInterval(timer);
    await sampling;
    await sample();
    const serverMs = cpuMs(running.pid) - serverBefore;
    // Committed transactions of the run, less the probe's own (one per sample and per count).
    await new Promise((r) => setTimeout(r, 600));
    const committed = (await commits()) - commitsBefore;
    let databaseMs = 0;
    for (const [pid, end] of last) databaseMs += end - first.get(pid)!;
    const requests = Math.max(1, result.requests.total);
    return { requests, rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, committed, serverMs, databaseMs };
  };
  await run('/v1/warm-up');
  const r = await run('/v1/nothing-here');
  process.stdout.write(
    `rate-limit bench (${checkout}), ${connections} connections, ${seconds} s, load ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}\n` +
      `  ${r.requests} limited requests, ${r.rps.toFixed(0)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms\n` +
      `  transactions committed per request ${(r.committed / r.requests).toFixed(3)} (incl. the probe's few)\n` +
      `  CPU per request: server ${((r.serverMs / r.requests) * 1000).toFixed(0)} µs, PostgreSQL backends ${((r.databaseMs / r.requests) * 1000).toFixed(0)} µs\n`,
  );
} finally {
  await probe.end().catch(() => {});
  await server?.stop();
  await admin(`drop database if exists ${name} with (force)`);
}
