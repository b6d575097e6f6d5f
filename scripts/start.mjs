// `npm start`: the Electron window where an Electron runtime is installed, serve mode
// (same services, same renderer, in the system browser) where it is not.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const extra = process.argv.slice(2);

/** The installed Electron binary, or null. Never `require('electron')`: it downloads when missing. */
function electronBinary() {
  let packageDir;
  try {
    packageDir = path.dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
  const pathFile = path.join(packageDir, 'path.txt');
  if (!fs.existsSync(pathFile)) return null;
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? path.join(packageDir, 'dist');
  const binary = path.join(distDir, fs.readFileSync(pathFile, 'utf8').trim());
  return fs.existsSync(binary) ? binary : null;
}

function run(command, args) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
}

const binary = electronBinary();
if (binary) {
  run(binary, [root, ...extra]);
} else {
  process.stdout.write('No Electron runtime is installed here, so Dronacharya starts in serve mode: open the link below in a browser.\n');
  run(process.execPath, [path.join(root, 'bin', 'drona.mjs'), 'serve', ...extra]);
}
