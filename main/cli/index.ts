// Entry of the `drona` command (bundled to dist/main/cli.js). A serve-mode start loads only the
// serve command (serve-program.ts), not every command's code: its URL prints sooner (bench:startup).
import type { Env } from '../app/app-config';

const run: (argv: string[], env: Env) => Promise<number> =
  process.argv[2] === 'serve' ? (await import('./serve-program')).runServeCli : (await import('./program')).runCli;

// The one place the command reads its environment; everything below gets the parsed config.
const code = await run(process.argv, process.env);
if (code !== 0) process.exit(code);
