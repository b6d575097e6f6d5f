// `drona server register-course` against a running server: the built-in courses in one command,
// a folder or a .drona file, and the admin token from the environment only.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startServer, type RunningServer } from '../../server/start';
import { packageRoot } from '../app/package-info';
import { readBundleDir } from '../courses/bundle/bundle-files';
import { packBundle } from '../courses/bundle/course-pack';
import { runCli } from './program';

const fixtureDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'courses', 'fixtures', 'tiny-course');
const ADMIN = 'register-course-admin-token';

async function run(env: Record<string, string | undefined>, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
  const saved = { ...process.env };
  Object.assign(process.env, env);
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete process.env[key];
  try {
    const code = await runCli(['node', 'drona', ...args], process.env);
    return { code, stdout, stderr };
  } finally {
    process.env = saved;
    vi.restoreAllMocks();
  }
}

describe('drona server register-course', () => {
  let server: RunningServer;
  let dir: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'drona-register-'));
    server = await startServer({ port: 0, dataDir: null, adminToken: ADMIN });
  });
  afterAll(async () => {
    await server?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const registered = async () =>
    (
      (await (await fetch(`${server.url}/v1/admin/courses`, { headers: { authorization: `Bearer ${ADMIN}` } })).json()) as {
        courses: { id: string; lessonCount: number; title: string; registeredBy: string }[];
      }
    ).courses;

  it('refuses without the admin token in the environment, and with a wrong one', async () => {
    const missing = await run({ DRONA_ADMIN_TOKEN: undefined }, 'server', 'register-course', '--builtin', '--url', server.url);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('Set DRONA_ADMIN_TOKEN');
    const wrong = await run({ DRONA_ADMIN_TOKEN: 'nope' }, 'server', 'register-course', fixtureDir, '--url', server.url);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain("tiny-course was not registered: Admin routes need the server's admin token");
    expect(await registered()).toEqual([]);
  });

  it("registers the app's built-in courses in one command, then reports them unchanged", async () => {
    const first = await run({ DRONA_ADMIN_TOKEN: ADMIN }, 'server', 'register-course', '--builtin', '--url', server.url);
    expect(first.code).toBe(0);
    const builtins = fs
      .readdirSync(path.join(packageRoot(), 'courses'))
      .filter((name) => fs.existsSync(path.join(packageRoot(), 'courses', name, 'course.yaml')));
    expect(first.stdout.split('\n').filter((line) => line.startsWith('registered ')).length).toBe(builtins.length);
    const courses = await registered();
    expect(courses.map((c) => c.id).sort()).toEqual(builtins.sort());
    const python = courses.find((c) => c.id === 'python-basics')!;
    expect(python).toMatchObject({ title: 'Python Basics', registeredBy: `${os.userInfo().username}@${os.hostname()}` });
    expect(python.lessonCount).toBeGreaterThan(20);
    const again = await run({ DRONA_ADMIN_TOKEN: ADMIN }, 'server', 'register-course', '--builtin', '--url', server.url);
    expect(again.stdout).toMatch(/^unchanged python-basics /m);
  });

  it('registers a course folder or a .drona file, and names the problems of an invalid one', async () => {
    const read = readBundleDir(fixtureDir);
    const file = path.join(dir, 'tiny.drona');
    fs.writeFileSync(file, await packBundle(read.files, 'tiny-course', '1.0.0'));
    expect(await run({ DRONA_ADMIN_TOKEN: ADMIN }, 'server', 'register-course', file, '--url', server.url)).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/^registered tiny-course 1\.0\.0 \(3 lessons, sha256:/),
    });
    expect((await run({ DRONA_ADMIN_TOKEN: ADMIN }, 'server', 'register-course', fixtureDir, '--url', server.url)).stdout).toMatch(/^unchanged tiny-course/);
    const broken = path.join(dir, 'broken');
    fs.cpSync(fixtureDir, broken, { recursive: true });
    fs.writeFileSync(path.join(broken, 'course.yaml'), fs.readFileSync(path.join(broken, 'course.yaml'), 'utf8').replace(/^title: .*$/m, 'title: ""'));
    const bad = await run({ DRONA_ADMIN_TOKEN: ADMIN }, 'server', 'register-course', broken, '--url', server.url);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('cannot be registered');
    expect(bad.stderr).toContain('course.yaml');
  });
});
