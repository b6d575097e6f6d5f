// Electronegativity over the code that runs in Electron: main/electron/ (main process and preload)
// and the renderer's HTML. Any finding fails `npm test` unless an eng-disable comment on its
// line says why it is acceptable.
import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const run = require('@doyensec/electronegativity/dist/runner.js');
const electronVersion = require('electron/package.json').version;

// Scan the sources, so that a finding we accept can carry its reason as an
// `// eng-disable CHECK_ID: why` comment on the line it fires on.
const scan = fs.mkdtempSync(path.join(os.tmpdir(), 'drona-electronegativity-'));
const files = [
  ...fs
    .readdirSync(path.join(root, 'main/electron'))
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => `main/electron/${f}`),
  'renderer/index.html',
  'package.json',
];
for (const file of files) {
  fs.mkdirSync(path.dirname(path.join(scan, file)), { recursive: true });
  fs.copyFileSync(path.join(root, file), path.join(scan, file));
}

const result = await run({ input: scan, electronVersionOverride: electronVersion, isRelative: true, parserPlugins: [] });
fs.rmSync(scan, { recursive: true, force: true });
const unexplained = result.issues.map((issue) => `${issue.id} at ${issue.file}:${issue.location?.line ?? 0}: ${issue.description ?? ''}`);
for (const error of result.errors ?? []) unexplained.push(`scan error: ${JSON.stringify(error)}`);
console.log(
  `Electronegativity (Electron ${electronVersion}): ${result.atomicChecks} atomic and ${result.globalChecks} global checks, ${unexplained.length} finding(s) not justified in the code.`,
);
for (const line of unexplained) console.log(`FINDING   ${line}`);
process.exit(unexplained.length ? 1 : 0);
