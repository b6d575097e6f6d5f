import fs from 'node:fs';
import path from 'node:path';

/** The folder holding Dronacharya's package.json, found from this file (source or bundle). */
export function packageRoot(from = path.dirname(new URL(import.meta.url).pathname)): string {
  let dir = from;
  for (;;) {
    const candidate = path.join(dir, 'package.json');
    if (fs.existsSync(candidate)) {
      const pkg = JSON.parse(fs.readFileSync(candidate, 'utf8')) as { name?: string };
      if (pkg.name === 'dronacharya') return dir;
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`Cannot find Dronacharya's package.json above ${from}`);
    dir = parent;
  }
}

export function appVersion(): string {
  return (JSON.parse(fs.readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}
