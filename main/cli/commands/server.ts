import type { Command } from 'commander';
import path from 'node:path';
import { defaultDataDir } from '../../app/data-dir';
import { trustedProxies } from '../../../server/client-address';
import { jsonLog, startServer } from '../../../server/start';
import { CliUserError } from '../cli-error';

interface ServerFlags {
  host: string;
  port: string;
  dataDir?: string;
  publicUrl?: string;
  issuerName: string;
  minLessonSeconds?: string;
  rateLimit: string;
  trustedProxy?: string;
}

export function registerServerCommand(program: Command): void {
  program
    .command('server')
    .description('run the hosted sync API (leaderboards, certificates); PGlite in a data folder, or PostgreSQL via DATABASE_URL')
    .option('--host <host>', 'address to bind (use 0.0.0.0 behind a load balancer)', '127.0.0.1')
    .option('-p, --port <port>', 'port to listen on', '8787')
    .option('--data-dir <dir>', 'PGlite data folder when DATABASE_URL is not set (default: <app data>/server)')
    .option('--public-url <url>', 'the address learners reach this server at, used in verification links')
    .option('--issuer-name <name>', 'the certificate issuer\'s name', 'Dronacharya')
    .option('--rate-limit <n>', 'requests per second allowed per learner (bursts of twice that)', '10')
    .option('--trusted-proxy <list>', 'reverse proxies (comma-separated addresses or CIDR ranges) whose X-Forwarded-For names the client; default $DRONA_TRUSTED_PROXIES, else none')
    .option('--min-lesson-seconds <n>', 'plausibility: least active time a completion claims (default 20 s, challenges 60 s)')
    .action(async (flags: ServerFlags) => {
      const port = Number(flags.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliUserError(`--port must be a whole number from 0 to 65535, not "${flags.port}".`);
      const minSeconds = flags.minLessonSeconds === undefined ? undefined : Number(flags.minLessonSeconds);
      if (minSeconds !== undefined && !(minSeconds >= 0)) throw new CliUserError('--min-lesson-seconds must be a number of seconds, 0 or more (a completion always claims at least 1 s).');
      const perSecond = Number(flags.rateLimit);
      if (!(perSecond > 0)) throw new CliUserError('--rate-limit must be a positive number of requests per second.');
      const { defaultPlausibility, withMinActiveSeconds } = await import('../../../server/rules/xp-rules');
      const databaseUrl = process.env.DATABASE_URL || undefined;
      const proxies = (flags.trustedProxy ?? process.env.DRONA_TRUSTED_PROXIES ?? '').split(',').map((entry) => entry.trim()).filter(Boolean);
      try {
        trustedProxies(proxies);
      } catch (error) {
        throw new CliUserError(`--trusted-proxy / DRONA_TRUSTED_PROXIES: ${(error as Error).message}`);
      }
      let server;
      try {
        server = await startServer({
          host: flags.host,
          port,
          databaseUrl,
          dataDir: path.resolve(flags.dataDir ?? path.join(defaultDataDir(), 'server')),
          publicUrl: flags.publicUrl ?? process.env.DRONA_PUBLIC_URL,
          issuerName: flags.issuerName,
          adminToken: process.env.DRONA_ADMIN_TOKEN || undefined,
          rateLimit: { burst: Math.max(60, perSecond * 2), perSecond },
          trustedProxies: proxies,
          ...(minSeconds === undefined ? {} : { plausibility: withMinActiveSeconds(defaultPlausibility, minSeconds) }),
          log: jsonLog,
        });
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EADDRINUSE') throw new CliUserError(`Port ${port} is already in use; pick another with --port.`);
        throw new CliUserError(`The server could not start: ${(error as Error).message}`);
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
}
