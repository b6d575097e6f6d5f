// Entry of the `drona` command (bundled to dist/main/cli.js).
import { runCli } from './program';

const code = await runCli(process.argv);
if (code !== 0) process.exit(code);
