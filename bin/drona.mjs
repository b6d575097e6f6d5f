#!/usr/bin/env node
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const cli = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'main', 'cli.js');
if (!fs.existsSync(cli)) {
  process.stderr.write('drona: the app is not built yet; run "npm run build" in the Dronacharya folder first.\n');
  process.exit(2);
}
await import(cli);
