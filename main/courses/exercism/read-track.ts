// Reads the parts of an Exercism track clone the importer needs into memory: config.json, the
// license and exercises/**. Version control, dependencies and caches are left out; links and
// files over 1 MiB are not followed or read, and are reported.
import fs from 'node:fs';
import path from 'node:path';
import type { TrackFiles } from './convert-exercise';

const MAX_FILE_BYTES = 1024 * 1024;
const skippedFolders = new Set(['.git', 'node_modules', '__pycache__', '.pytest_cache']);

export function readTrackDir(dir: string): { files: TrackFiles; warnings: string[] } {
  const files = new Map<string, Buffer>();
  const warnings: string[] = [];
  const readFile = (rel: string) => {
    const full = path.join(dir, rel);
    const stat = fs.lstatSync(full);
    if (stat.isSymbolicLink()) warnings.push(`${rel} is a symbolic link; not followed`);
    else if (!stat.isFile()) return;
    else if (stat.size > MAX_FILE_BYTES) warnings.push(`${rel} is over 1 MiB; not read`);
    else files.set(rel, fs.readFileSync(full));
  };
  const walk = (rel: string) => {
    for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      if (skippedFolders.has(entry.name)) continue;
      const child = `${rel}/${entry.name}`;
      if (entry.isDirectory()) walk(child);
      else readFile(child);
    }
  };
  for (const name of ['config.json', 'LICENSE', 'LICENSE.md', 'LICENSE.txt', 'COPYING']) if (fs.existsSync(path.join(dir, name))) readFile(name);
  if (fs.existsSync(path.join(dir, 'exercises'))) walk('exercises');
  return { files, warnings };
}
