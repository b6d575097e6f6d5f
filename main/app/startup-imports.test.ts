// What every launch loads: the packages main's bundles import statically. The heavy ones that
// only some features need load on first use (dockerode, pdf-lib, qrcode, the Anthropic SDK, Ruff);
// imported statically again, they add about 300 ms to every start-up, which no timed test would
// notice but bench:startup did. This checks the bundles' import graph, not a clock.
import { build } from 'esbuild';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from './package-info';

const LOADED_ON_FIRST_USE = ['dockerode', 'pdf-lib', 'qrcode', '@anthropic-ai/sdk', '@astral-sh/ruff-wasm-nodejs', '@electric-sql/pglite', 'pg'];

/** The external packages an entry imports statically (`import … from`), as esbuild bundles it for the app. */
async function staticImports(entry: string): Promise<string[]> {
  const result = await build({
    absWorkingDir: packageRoot(),
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    external: ['electron'],
    write: false,
    metafile: true,
    outdir: path.join(packageRoot(), 'dist', 'startup-imports-check'),
    logLevel: 'silent',
  });
  const output = Object.values(result.metafile.outputs)[0]!;
  return output.imports.filter((item) => item.external && item.kind === 'import-statement').map((item) => item.path);
}

describe('start-up imports', () => {
  it.each(['main/cli/index.ts', 'main/electron/main.ts'])('%s loads the heavy, feature-only packages on first use, not at start-up', async (entry) => {
    const eager = await staticImports(entry);
    expect(eager.length).toBeGreaterThan(5); // the check sees the bundle's imports at all
    expect(eager.filter((name) => LOADED_ON_FIRST_USE.some((lazy) => name === lazy || name.startsWith(`${lazy}/`)))).toEqual([]);
  });
});
