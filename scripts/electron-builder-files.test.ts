import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

// electron-builder's `files:` must pack what the built app reads at run time and no sources:
// the server is bundled into dist/main/cli.js, so its TypeScript and tests stay out.

const root = process.cwd();
const patterns = (parse(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as { files: string[] }).files;

/** A glob as electron-builder's minimatch reads it, for the forms used here: **, *, {a,b}. */
function globToRegExp(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i]!;
    if (glob.startsWith('**/', i)) {
      source += '(?:.*/)?';
      i += 2;
    } else if (glob.startsWith('**', i)) {
      source += '.*';
      i += 1;
    } else if (char === '*') source += '[^/]*';
    else if (char === '{') source += '(?:';
    else if (char === '}') source += ')';
    else if (char === ',') source += '|';
    else source += char.replace(/[.+?^$()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

const includes = patterns.filter((p) => !p.startsWith('!')).map(globToRegExp);
const excludes = patterns.filter((p) => p.startsWith('!')).map((p) => globToRegExp(p.slice(1)));
const shipped = (file: string) => includes.some((re) => re.test(file)) && !excludes.some((re) => re.test(file));

const tracked = execFileSync('git', ['ls-files'], { cwd: root, encoding: 'utf8' }).split('\n').filter(Boolean);

// Read at run time, from the code: package.json "main" and packageRoot() (main/app/package-info.ts),
// main/electron/main.ts (renderer, preload), main/store/open-store.ts (migrations beside the bundle),
// server/db/database.ts (server/migrations), main/app/services.ts and cli/commands/server.ts
// (courses/), main/sandbox/runner-images.ts and sandbox-service.ts (sandbox/images, sandbox/harness,
// and the Python snapshot scripts/python-snapshot.ts builds into dist/python-snapshot).
const runtimePaths = [
  'package.json',
  'dist/main/electron.js',
  'dist/main/cli.js',
  'dist/preload/preload.cjs',
  'dist/renderer/index.html',
  'dist/main/migrations/meta/_journal.json',
  'dist/main/migrations/0000_initial.sql',
  'dist/python-snapshot/python-1-0.0.0-000000.snapshot',
  ...tracked.filter((file) => /^(server\/migrations|courses|sandbox\/(images|harness))\//.test(file)),
];

describe('electron-builder files', () => {
  it('reads the globs as minimatch does', () => {
    expect(globToRegExp('dist/**').test('dist/main/cli.js')).toBe(true);
    expect(globToRegExp('!{a,b}/**/*.{ts,tsx}'.slice(1)).test('b/x/y.tsx')).toBe(true);
    expect(globToRegExp('courses/**/*.ts').test('courses/a.ts')).toBe(true);
    expect(globToRegExp('server/*.ts').test('server/rules/x.ts')).toBe(false);
  });

  it('packs every path the app reads at run time', () => {
    expect(runtimePaths.filter((file) => !shipped(file))).toEqual([]);
  });

  it('packs no TypeScript sources, tests or source folders', () => {
    const leaked = tracked.filter(
      (file) => shipped(file) && (/\.(ts|tsx|mts|cts)$/.test(file) || /^(main|preload|renderer|common|scripts|tests|server\/(?!migrations\/))/.test(file)),
    );
    expect(leaked).toEqual([]);
    // A guard for later: a stray .ts dropped into a shipped folder stays out.
    expect(shipped('server/migrations/helper.ts')).toBe(false);
    expect(shipped('courses/python-basics/tool.ts')).toBe(false);
  });
});
