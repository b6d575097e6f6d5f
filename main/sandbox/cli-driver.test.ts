// The CLI without Docker: `drona run` and `drona course validate --run` never fall back to
// running code unisolated on their own; an author who names `--driver process` runs their code.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { runCliCaptured } from '../cli/testing-run-cli';

vi.setConfig({ testTimeout: 60_000 });
process.env.DOCKER_HOST = 'unix:///nonexistent/docker.sock';
delete process.env.DRONA_SANDBOX_DRIVER;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'drona-cli-driver-'));
const marker = path.join(dir, 'ran');
const program = path.join(dir, 'main.py');
fs.writeFileSync(program, `open(${JSON.stringify(marker)}, "w").write("x")\nprint("hello")\n`);
const fixture = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'courses', 'fixtures', 'tiny-course');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const cli = runCliCaptured;

describe('the CLI without Docker', () => {
  it('drona run refuses, saying how to choose the process driver', async () => {
    const result = await cli('run', '--lang', 'python', program);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/No isolated sandbox is available: start Docker \(no Docker engine answered: .+\), or run your own code directly on this computer \(not isolated\) with --driver process\./);
    expect(fs.existsSync(marker)).toBe(false);
  });

  it('drona run --driver process runs it, not isolated, and says so', async () => {
    const result = await cli('run', '--lang', 'python', '--driver', 'process', program);
    expect(result).toMatchObject({ code: 0, stdout: 'hello\n' });
    expect(result.stderr).toMatch(/Not isolated/);
    expect(fs.existsSync(marker)).toBe(true);
  });

  it('drona course validate --run refuses without a driver, and verifies with --driver process', async () => {
    const refused = await cli('course', 'validate', fixture, '--run');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/--run needs a sandbox\. No isolated sandbox is available.*--driver process/);
    // Named, the process driver runs the exercise's tests (pass or, on a loaded machine, a timeout: either way it ran).
    const verified = await cli('course', 'validate', fixture, '--run', '--driver', 'process');
    expect(verified.stdout).toMatch(/exercises\/add: solution (pass|error)/);
    expect(verified.stderr).not.toMatch(/No isolated sandbox/);
  });
});
