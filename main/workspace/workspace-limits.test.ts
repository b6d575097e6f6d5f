// One set of limits: whatever files the workspace service accepts, Run and Check accept (and
// the container receives them byte for byte), and whatever Run accepts, a workspace can hold.
import fc from 'fast-check';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { calls, DronaError } from '../../preload/contract';
import { workspaceLimits } from '../../preload/contract/workspace-limits';
import { tarArchive } from '../sandbox/tar-archive';
import { openStore } from '../store/open-store';
import { WorkspaceService } from './workspace-service';

const base = fs.mkdtempSync(path.join(os.tmpdir(), 'drona-limits-'));
const store = openStore(path.join(base, 'drona.db'));
const service = new WorkspaceService(store, base, async () => []);
afterAll(async () => {
  await service.close();
  store.close();
  fs.rmSync(base, { recursive: true, force: true });
});

let lesson = 0;
/** True when the service takes every file into a fresh workspace (as createFile, then a save). */
async function workspaceAccepts(files: readonly { path: string; content: string }[]): Promise<boolean> {
  const lessonId = `l${(lesson += 1)}`;
  try {
    for (const file of files) {
      await service.createFile('c', lessonId, file.path);
      if (file.content) await service.write('c', lessonId, file.path, file.content, false);
    }
    const listed = (await service.open('c', lessonId)).files;
    expect(listed.map((file) => file.path).sort()).toEqual(files.map((file) => file.path).sort());
    return true;
  } catch (error) {
    if (!(error instanceof DronaError) || error.code === 'internal') throw error;
    return false;
  } finally {
    fs.rmSync(path.join(base, 'workspaces', 'c', lessonId), { recursive: true, force: true });
  }
}

/** True when Run takes the files (the contract's payload check and the sandbox's own), and tar delivers them intact. */
function sandboxAccepts(files: readonly { path: string; content: string }[]): boolean {
  const run = calls['sandbox.run'].input.safeParse({ runId: 'r', language: 'python', files, entry: files[0]!.path }).success;
  const check = calls['sandbox.check'].input.safeParse({ runId: 'r', courseId: 'c', lessonId: 'l', files }).success;
  expect(check).toBe(run);
  if (run) {
    const into = fs.mkdtempSync(path.join(base, 'tar-'));
    const result = spawnSync('tar', ['-x', '-C', into], { input: tarArchive(files) });
    expect(result.status, result.stderr.toString()).toBe(0);
    for (const file of files) expect(fs.readFileSync(path.join(into, file.path), 'utf8')).toBe(file.content);
    fs.rmSync(into, { recursive: true, force: true });
  }
  return run;
}

// Names that are plain, accented, CJK or astral, around the byte limits; the sandbox's own harness
// folder (.drona) is ordinary here: the harness goes in after the learner's files.
const nameArb = fc
  .oneof(
    fc.array(fc.constantFrom('a', 'b', '_', '-', '.', 'é', '日', '😀'), { minLength: 1, maxLength: 12 }).map((chars) => chars.join('')),
    fc.integer({ min: 95, max: 102 }).map((length) => 'n'.repeat(length)),
    fc.integer({ min: 30, max: 35 }).map((length) => '日'.repeat(length)),
  )
  .filter((name) => name !== '.' && name !== '..');
const pathArb = fc.array(nameArb, { minLength: 1, maxLength: 9 }).map((names) => names.join('/'));
const contentArb = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.integer({ min: workspaceLimits.maxFileBytes - 2, max: workspaceLimits.maxFileBytes + 2 }).map((n) => 'x'.repeat(n)),
);
const fileArb = fc.record({ path: pathArb, content: contentArb });

describe('workspace limits', () => {
  it('any files the workspace service accepts, the sandbox accepts, and the other way round', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fileArb, { minLength: 1, maxLength: 6 }), async (files) => {
        expect(await workspaceAccepts(files)).toBe(sandboxAccepts(files));
      }),
      { numRuns: 100 },
    );
  }, 120_000);

  it('agree at the count and total-size limits', async () => {
    const count = (n: number) => Array.from({ length: n }, (_, i) => ({ path: `f${i}.py`, content: '' }));
    const size = (n: number, last: number) =>
      Array.from({ length: n }, (_, i) => ({ path: `big${i}.txt`, content: 'x'.repeat(i === n - 1 ? last : workspaceLimits.maxFileBytes) }));
    const cases = [
      count(workspaceLimits.maxFiles),
      count(workspaceLimits.maxFiles + 1),
      size(8, workspaceLimits.maxFileBytes),
      size(9, 1),
      [
        { path: 'a', content: '' },
        { path: 'a/b.py', content: '' },
      ],
    ];
    const verdicts = [];
    for (const files of cases) {
      const sandbox = sandboxAccepts(files);
      expect(await workspaceAccepts(files)).toBe(sandbox);
      verdicts.push(sandbox);
    }
    expect(verdicts).toEqual([true, false, true, false, false]);
  }, 120_000);
});
