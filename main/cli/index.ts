// Entry of the `drona` command (bundled to dist/main/cli.js).
import { runCli } from './program';

// The one place the command reads its environment; everything below gets the parsed config.
const code = await runCli(process.argv, process.env);
if (code !== 0) process.exit(code);
