// The CLI without Docker: `drona run` and `drona course validate --run` use the WebAssembly
// driver (isolated) and never fall back to running code unisolated on their own; an author who
// names `--driver process` runs their code on the host.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { runCliCaptured } from '../cli/testing-run-cli';

// Loading Pyodide in a worker takes seconds, more on a busy machine.
vi.setConfig({ testTimeout: 180_000 });
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
  it('drona run runs it in WebAssembly, where the host file it writes is out of reach', async () => {
    const result = await cli('run', '--lang', 'python', program);
    expect(result.stderr).toMatch(/FileNotFoundError/);
    expect(result.stderr).toMatch(/── failed \(exit code 1\) at main\.py:1 in \d+ ms, wasm driver\n/);
    expect(fs.existsSync(marker)).toBe(false);
  });

  it('drona run --input gives the program its standard input', async () => {
    const echo = path.join(dir, 'echo.py');
    const input = path.join(dir, 'input.txt');
    fs.writeFileSync(echo, 'name = input()\nprint(f"hello {name}")\n');
    fs.writeFileSync(input, 'Ada\n');
    expect(await cli('run', '--lang', 'python', '--input', input, echo)).toMatchObject({ code: 0, stdout: 'hello Ada\n' });
  });

  it('drona run --driver process runs it, not isolated, and says so', async () => {
    const result = await cli('run', '--lang', 'python', '--driver', 'process', program);
    expect(result).toMatchObject({ code: 0, stdout: 'hello\n' });
    expect(result.stderr).toMatch(/Not isolated/);
    expect(fs.existsSync(marker)).toBe(true);
  });

  it('drona course validate --run verifies in WebAssembly, and with --driver process', async () => {
    const isolated = await cli('course', 'validate', fixture, '--run');
    expect(isolated.stdout).toMatch(/exercises\/add: solution pass, starter fail ✓/);
    // Named, the process driver runs the exercise's tests (pass or, on a loaded machine, a timeout: either way it ran).
    const verified = await cli('course', 'validate', fixture, '--run', '--driver', 'process');
    expect(verified.stdout).toMatch(/exercises\/add: solution (pass|error)/);
    expect(verified.stderr).not.toMatch(/No isolated sandbox/);
  });
});
