import type { Command } from 'commander';
import { z } from 'zod';
import os from 'node:os';
import fs from 'node:fs';
import path from 'node:path';
import type { EnvConfig } from '../../app/app-config';
import { trustedProxies } from '../../../server/client-address';
import { packageRoot } from '../../app/package-info';
import { builtinCourseDirs, CourseRegistrationError, readCourseRegistration } from '../../courses/course-registration';
import type { CourseRegistration } from '../../../common/sync-api/schemas';
import { CliUserError } from '../cli-error';
import { messageOf } from '../../../preload/contract/errors';

interface ServerFlags {
  host: string;
  port: string;
  dataDir?: string;
  publicUrl?: string;
  issuerName: string;
  minLessonSeconds?: string;
  rateLimit: string;
  trustedProxy?: string;
  builtinCourses?: boolean;
  updateFeed?: string;
  publicMetrics?: boolean;
  ingestGroupSize?: string;
}

/** Ingestion requests written in one transaction at most: a whole number, 1 to 1,000. */
const ingestGroupSize = z.coerce.number().int().min(1).max(1000);

/** Outlines read from course folders or .drona files, plus the app's built-ins when asked. */
async function registrations(sources: readonly string[], builtin: boolean): Promise<CourseRegistration[]> {
  const all = [...(builtin ? builtinCourseDirs(path.join(packageRoot(), 'courses')) : []), ...sources];
  if (all.length === 0) throw new CliUserError('Name course folders or .drona files to register, or pass --builtin for the courses that ship with the app.');
  const out: CourseRegistration[] = [];
  for (const source of all) {
    try {
      out.push(await readCourseRegistration(source));
    } catch (error) {
      if (error instanceof CourseRegistrationError) throw new CliUserError(error.message);
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new CliUserError(`${source} does not exist.`);
      throw error;
    }
  }
  return out;
}

const registeredBy = () => `${os.userInfo().username}@${os.hostname()}`;

export function registerServerCommand(program: Command, config: EnvConfig): void {
  const server = program
    .command('server')
    .description('run the hosted sync API (leaderboards, certificates); PGlite in a data folder, or PostgreSQL via DATABASE_URL')
    .option('--host <host>', 'address to bind (use 0.0.0.0 behind a load balancer)', '127.0.0.1')
    .option('-p, --port <port>', 'port to listen on', '8787')
    .option('--data-dir <dir>', 'PGlite data folder when DATABASE_URL is not set (default: <app data>/server)')
    .option('--public-url <url>', 'the address learners reach this server at, used in verification links')
    .option('--issuer-name <name>', "the certificate issuer's name", 'Dronacharya')
    .option('--rate-limit <n>', 'requests per second allowed per learner (bursts of twice that)', '10')
    .option(
      '--trusted-proxy <list>',
      'reverse proxies (comma-separated addresses or CIDR ranges) whose X-Forwarded-For names the client; default $DRONA_TRUSTED_PROXIES, else none',
    )
    .option('--min-lesson-seconds <n>', 'plausibility: least active time a completion claims (default 20 s, challenges 60 s)')
    .option('--builtin-courses', 'register (or update) the courses that ship with the app before listening, so they can be certified')
    .option('--public-metrics', 'serve /metrics without the admin token (when only the scraper can reach the port)')
    .option('--ingest-group-size <n>', 'ingestion requests written in one database transaction at most (1 to 1000; default 32)')
    .option('--update-feed <dir>', "serve this release folder (from npm run dist) at /updates/ as the desktop app's update feed")
    .action(async (flags: ServerFlags) => {
      const port = Number(flags.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliUserError(`--port must be a whole number from 0 to 65535, not "${flags.port}".`);
      const minSeconds = flags.minLessonSeconds === undefined ? undefined : Number(flags.minLessonSeconds);
      if (minSeconds !== undefined && !(minSeconds >= 0))
        throw new CliUserError('--min-lesson-seconds must be a number of seconds, 0 or more (a completion always claims at least 1 s).');
      const perSecond = Number(flags.rateLimit);
      if (!(perSecond > 0)) throw new CliUserError('--rate-limit must be a positive number of requests per second.');
      const groupSize = flags.ingestGroupSize === undefined ? undefined : ingestGroupSize.safeParse(flags.ingestGroupSize.trim() || 'none');
      if (groupSize && !groupSize.success) throw new CliUserError(`--ingest-group-size must be a whole number from 1 to 1000, not "${flags.ingestGroupSize}".`);
      const { defaultPlausibility, withMinActiveSeconds } = await import('../../../common/rules/plausibility');
      // The sync server (Hono, its routes and schemas) loads only for this command, never on an app start.
      const { jsonLog, startServer } = await import('../../../server/start');
      const { databaseUrl, publicUrl, adminToken } = config.server;
      const proxies = (flags.trustedProxy ?? config.server.trustedProxies ?? '')
        .split(',')
        .map((entry) => entry.trim())
        .filter(Boolean);
      try {
        trustedProxies(proxies);
      } catch (error) {
        throw new CliUserError(`--trusted-proxy / DRONA_TRUSTED_PROXIES: ${messageOf(error)}`);
      }
      if (flags.updateFeed && !fs.statSync(flags.updateFeed, { throwIfNoEntry: false })?.isDirectory()) {
        throw new CliUserError(`--update-feed ${flags.updateFeed} is not a folder; pass the release/ folder that npm run dist wrote.`);
      }
      const courses = flags.builtinCourses ? await registrations([], true) : [];
      let server;
      try {
        server = await startServer({
          host: flags.host,
          port,
          databaseUrl,
          dataDir: path.resolve(flags.dataDir ?? path.join(config.dataDir, 'server')),
          publicUrl: flags.publicUrl ?? publicUrl,
          issuerName: flags.issuerName,
          adminToken,
          rateLimit: { burst: Math.max(60, perSecond * 2), perSecond },
          trustedProxies: proxies,
          ...(minSeconds === undefined ? {} : { plausibility: withMinActiveSeconds(defaultPlausibility, minSeconds) }),
          log: jsonLog,
          courses,
          coursesRegisteredBy: `drona server --builtin-courses (${registeredBy()})`,
          updateFeedDir: flags.updateFeed ? path.resolve(flags.updateFeed) : undefined,
          metricsPublic: Boolean(flags.publicMetrics),
          ...(groupSize?.success ? { ingestion: { maxGroup: groupSize.data } } : {}),
          // Off: rank-around-me always reads the database (to compare, or to spare the memory).
          rankIndex: config.server.rankIndex,
        });
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EADDRINUSE') throw new CliUserError(`Port ${port} is already in use; pick another with --port.`);
        throw new CliUserError(`The server could not start: ${messageOf(error)}`);
      }
      process.stdout.write(`Dronacharya server is running at ${server.url} (${databaseUrl ? 'PostgreSQL' : 'PGlite'})\n`);
      const stop = async (signal: string) => {
        jsonLog({ level: 'info', msg: `${signal}: shutting down` });
        await server.close();
        process.exit(0);
      };
      process.once('SIGINT', () => void stop('SIGINT'));
      process.once('SIGTERM', () => void stop('SIGTERM'));
    });

  server
    .command('register-course')
    .argument('[sources...]', 'course folders (holding course.yaml) or .drona files')
    .option('--builtin', 'also register the courses that ship with the app')
    .option('--url <url>', 'the sync server (default: DRONA_PUBLIC_URL, else http://127.0.0.1:8787)')
    .description('register courses on a running sync server so it certifies them (admin token in DRONA_ADMIN_TOKEN)')
    .action(async (sources: string[], flags: { builtin?: boolean; url?: string }) => {
      // The token comes from the environment only: process arguments are visible to every local user.
      const token = config.server.adminToken;
      if (!token) throw new CliUserError("Set DRONA_ADMIN_TOKEN to the server's admin token (the one it was started with).");
      const base = (flags.url ?? config.server.publicUrl ?? 'http://127.0.0.1:8787').replace(/\/+$/, '');
      const by = registeredBy();
      for (const course of await registrations(sources, Boolean(flags.builtin))) {
        let res: Response;
        try {
          res = await fetch(`${base}/v1/admin/courses/${encodeURIComponent(course.id)}`, {
            method: 'PUT',
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
            body: JSON.stringify({ ...course, registeredBy: by }),
            signal: AbortSignal.timeout(30_000),
          });
        } catch (error) {
          throw new CliUserError(`The sync server at ${base} cannot be reached (${messageOf(error)}); pass its address with --url.`);
        }
        // A body that is not JSON leaves `answer` null: the status is reported below instead.
        const answer = (await res.json().catch(() => null)) as { outcome?: string; lessonCount?: number; digest?: string; error?: { message?: string } } | null;
        if (!res.ok) throw new CliUserError(`${course.id} was not registered: ${answer?.error?.message ?? `the server answered ${res.status}`}`);
        process.stdout.write(
          `${answer?.outcome ?? 'registered'} ${course.id} ${course.version} (${answer?.lessonCount ?? '?'} lessons, ${answer?.digest ?? ''})\n`,
        );
      }
    });
}
