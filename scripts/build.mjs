// Builds everything the app runs from: the renderer (Vite), main and the CLI (esbuild,
// Node ESM, dependencies left in node_modules), the sandboxed preload (esbuild, one CJS file).
import { build as esbuild } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as viteBuild } from 'vite';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const started = Date.now();
const only = process.argv.includes('--main-only') ? 'main' : 'all';
// An organisation's build (scripts/dist/dist.ts --org): its public key compiled into main, read by main/organisation/baked-org.ts.
const orgPublicKey = process.env.DRONA_BUILD_ORG_PUBLIC_KEY ?? '';

// Pure-JS packages every launch loads statically go into the bundle: Node's ESM loader resolving
// and reading their hundreds of files (zod's locales alone are ~50) cost more start-up time than
// parsing the same code in one file (bench:startup). Everything else stays in node_modules: native
// addons, packages loaded on first use (dynamic import), and their own dependencies.
const BUNDLED_PACKAGES = new Set([
  'zod',
  'drizzle-orm',
  'yaml',
  'ws',
  'commander',
  'hono',
  '@hono/node-server',
  'diff',
  'jose',
  'yazl',
  'yauzl',
  'ts-fsrs',
  'chokidar',
]);
const packageName = (specifier) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');
// Native addons (CommonJS) every launch loads: required, not imported. Node's ESM loader imports
// CommonJS by scanning its source for exports first (cjs-module-lexer), which cost about 60 ms of
// every start (bench:startup); the bundle's require (the banner below) loads them directly.
const REQUIRED_PACKAGES = /^(better-sqlite3|node-pty)$/;
const bundleStartupPackages = {
  name: 'bundle-startup-packages',
  setup(build) {
    // zod re-exports its ~50 message locales (a fifth of main's bundle, parsed on every start);
    // the app speaks English only, the locale zod configures by default.
    build.onLoad({ filter: /[\\/]zod[\\/]v4[\\/]locales[\\/]index\.js$/ }, () => ({ contents: "export { default as en } from './en.js';", loader: 'js' }));
    build.onResolve({ filter: REQUIRED_PACKAGES }, (args) =>
      args.namespace === 'required-package' ? { external: true } : { path: args.path, namespace: 'required-package' },
    );
    build.onLoad({ filter: /.*/, namespace: 'required-package' }, (args) => ({
      contents: `module.exports = require(${JSON.stringify(args.path)});`,
      loader: 'js',
    }));
    build.onResolve({ filter: /^[^./]/ }, (args) =>
      BUNDLED_PACKAGES.has(packageName(args.path)) && args.kind !== 'dynamic-import' ? undefined : { external: true },
    );
  },
};

// Each built-in course folder's content (every path and its bytes), hashed: a start compares these
// with the ones it verified last instead of stat-ing every file (main/courses/installer/builtin-fingerprint.ts).
function writeBuiltinFingerprints() {
  const coursesDir = path.join(root, 'courses');
  const courses = {};
  for (const entry of fs.readdirSync(coursesDir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const hash = createHash('sha256');
    const walk = (relative) => {
      const entries = fs
        .readdirSync(path.join(coursesDir, entry.name, relative), { withFileTypes: true })
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const child of entries) {
        const rel = relative ? `${relative}/${child.name}` : child.name;
        if (child.isDirectory()) {
          hash.update(`${rel}/\n`);
          walk(rel);
        } else {
          const bytes = child.isFile() ? fs.readFileSync(path.join(coursesDir, entry.name, rel)) : Buffer.from(`not a file: ${child.name}`);
          hash.update(`${rel}\0${bytes.length}\0`).update(bytes);
        }
      }
    };
    walk('');
    courses[entry.name] = hash.digest('hex');
  }
  fs.mkdirSync(path.join(root, 'dist/main'), { recursive: true });
  fs.writeFileSync(path.join(root, 'dist/main/builtin-courses.json'), `${JSON.stringify({ courses }, null, 2)}\n`);
}

async function buildMain() {
  // Chunks carry a content hash: drop the last build's, so only this build's ship.
  if (fs.existsSync(path.join(root, 'dist/main'))) {
    for (const file of fs.readdirSync(path.join(root, 'dist/main'))) if (file.startsWith('chunk-')) fs.rmSync(path.join(root, 'dist/main', file));
  }
  const entries = { cli: 'main/cli/index.ts', electron: 'main/electron/main.ts', 'sandbox-wasm-worker': 'main/sandbox/wasm/worker.ts' };
  // One build per entry: a start then loads its entry and the few chunks of code it imports
  // statically, not the many small chunks that code shared between the entries would be split into.
  await Promise.all(
    Object.entries(entries).map(([name, entry]) =>
      esbuild({
        absWorkingDir: root,
        entryPoints: { [name]: entry },
        outdir: 'dist/main',
        bundle: true,
        platform: 'node',
        format: 'esm',
        target: 'node20',
        // Code reached only through a dynamic import (the sync server and Hono for `drona server`,
        // the contract's call table on the first call) goes into chunks of its own: a start reads
        // and parses only what it runs (bench:startup). Chunks sit beside the entries, so
        // import.meta.url still finds migrations/ and the package root.
        splitting: true,
        chunkNames: 'chunk-[hash]',
        plugins: [bundleStartupPackages],
        // A third less to read and parse on every start; names stay, so stack traces still read (and map).
        minifyWhitespace: true,
        minifySyntax: true,
        // Bundled CommonJS packages call require() for Node's built-ins; ESM output has none of its own.
        banner: { js: "import { createRequire as __dronaCreateRequire } from 'node:module'; const require = __dronaCreateRequire(import.meta.url);" },
        sourcemap: true,
        logLevel: 'warning',
        define: { __DRONA_ORG_PUBLIC_KEY__: orgPublicKey ? JSON.stringify(orgPublicKey) : 'undefined' },
      }),
    ),
  );
  // Sandboxed preloads cannot use ESM or node_modules: one self-contained CJS file.
  await esbuild({
    absWorkingDir: root,
    entryPoints: ['main/electron/preload.ts'],
    outfile: 'dist/preload/preload.cjs',
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['electron'],
    logLevel: 'warning',
  });
  writeBuiltinFingerprints();
  fs.cpSync(path.join(root, 'main/store/migrations'), path.join(root, 'dist/main/migrations'), { recursive: true });
  // The instructor dashboard (server/dashboard/styles.ts) wears the app's design tokens.
  fs.copyFileSync(path.join(root, 'renderer/src/styles/tokens.css'), path.join(root, 'dist/main/dashboard-tokens.css'));
}

await buildMain();
// The Python snapshot the WebAssembly sandbox starts from, made with the worker just built (scripts/python-snapshot.ts).
execFileSync(process.execPath, ['--import', 'tsx', path.join(root, 'scripts/python-snapshot.ts')], { cwd: root, stdio: 'inherit' });
if (only === 'all') await viteBuild({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
process.stdout.write(`build: done in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
