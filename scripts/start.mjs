// `npm start`: the Electron window where an Electron runtime is installed, serve mode
// (same services, same renderer, in the system browser) where it is not.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const extra = process.argv.slice(2);

/** Where the electron package is, or null when it is not installed. */
function electronPackageDir() {
  try {
    return path.dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
}

/** The installed Electron binary, or null. Never `require('electron')`: it downloads when missing. */
function electronBinary(packageDir) {
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

/**
 * Electron's package no longer fetches its runtime at install time: the first start does, once,
 * unless ELECTRON_SKIP_BINARY_DOWNLOAD says this machine goes without (CI, offline).
 */
function downloadElectron(packageDir) {
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) return false;
  process.stdout.write('Downloading the Electron runtime (first start only)…\n');
  const result = spawnSync(process.execPath, [path.join(packageDir, 'install.js')], { cwd: root, stdio: ['ignore', 'inherit', 'pipe'], encoding: 'utf8' });
  if (result.status === 0) return true;
  // The installer's stack trace helps nobody here; its first line says what went wrong.
  const reason = (result.stderr ?? '').split('\n').find((line) => line.trim()) ?? `exit code ${result.status}`;
  process.stdout.write(`Could not download Electron (${reason.trim()}).\n`);
  return false;
}

const packageDir = electronPackageDir();
const binary = packageDir && (electronBinary(packageDir) ?? (downloadElectron(packageDir) ? electronBinary(packageDir) : null));
if (binary) {
  run(binary, [root, ...extra]);
} else {
  process.stdout.write('No Electron runtime is installed here, so Dronacharya starts in serve mode: open the link below in a browser.\n');
  run(process.execPath, [path.join(root, 'bin', 'drona.mjs'), 'serve', ...extra]);
}
