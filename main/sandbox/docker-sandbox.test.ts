// The Docker sandbox against a real engine and the real runner images: Run and Check in
// both languages, the adversarial suite (each attack contained with the right result kind,
// nothing left behind), and 100 rapid Runs. Skips loudly without Docker, fails in CI.
// Over 350 lines on purpose: one suite shares one warm pool, which is what it measures.
import Docker from 'dockerode';
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { expect, it, vi } from 'vitest';
import type { RunResult } from '../../preload/contract/sandbox';
import { describeWhen } from '../../common/testing/capabilities';
import { currentOwner, ownerLabels, ownerLabelsOf, processStart } from './container-owner';
import { containerSpec, DockerDriver, probeDocker, sandboxLabel } from './docker-driver';
import { defaultLimits } from './limits';
import { imageExists } from './image-build';
import { runnerImage } from './runner-images';
import { binaryOutputAttack, floodAttacks } from './test-fixtures/flood-attacks';
import { afterLeaving, runResponsively, sandboxSuite } from './test-fixtures/hostile-runs';

// A run after a limit waits for a fresh container: seconds on Docker's vfs storage driver, more on a busy machine.
vi.setConfig({ testTimeout: 90_000 });

const docker = new Docker();
const probe = await probeDocker(docker);
const imagesReady = probe.ok && (await imageExists(docker, runnerImage('python').ref)) && (await imageExists(docker, runnerImage('javascript').ref));
const missing = !probe.ok ? `a Docker engine (${probe.reason})` : 'the runner images (drona sandbox build --offline)';

const ownContainers = async () =>
  (await docker.listContainers({ all: true, filters: { label: [sandboxLabel] } })).filter((c) => c.Labels['dronacharya.owner-pid'] === String(process.pid));

describeWhen(imagesReady, missing, 'Docker sandbox', () => {
  const suite = sandboxSuite('docker', async () => expect(await ownContainers()).toEqual([]));
  const { run } = suite;

  /** An app instance in a child process with a warm container (test-fixtures/warm-owner.ts). */
  const startOwner = async (): Promise<{ child: ChildProcess; containerId: string }> => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'test-fixtures', 'warm-owner.ts')], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    const containerId = await new Promise<string>((resolve, reject) => {
      child.stdout!.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const ready = /ready (\S+)\n/.exec(out);
        if (ready) resolve(ready[1]!);
      });
      child.on('exit', () => reject(new Error(`the owner exited before it was ready: ${out}`)));
    });
    return { child, containerId };
  };
  const exists = (id: string) =>
    docker
      .getContainer(id)
      .inspect()
      .then(() => true)
      .catch(() => false);
  const waitGone = async (id: string, withinMs: number) => {
    const until = Date.now() + withinMs;
    while ((await exists(id)) && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 250));
    return !(await exists(id));
  };

  it('takes a killed app’s warm container down with it, and leaves a live app’s alone (attack: SIGKILL the owner)', async () => {
    const [killed, live] = await Promise.all([startOwner(), startOwner()]);
    try {
      expect(await exists(killed.containerId)).toBe(true);
      killed.child.kill('SIGKILL');
      expect(await waitGone(killed.containerId, 20_000)).toBe(true);
      expect(await exists(live.containerId)).toBe(true);
      expect((await ownContainers()).length).toBeGreaterThan(0);
    } finally {
      killed.child.kill('SIGKILL');
      live.child.kill('SIGKILL');
      await waitGone(live.containerId, 30_000);
    }
  });

  it('reaps, within one cycle, containers whose owner is gone (a reused pid too), never a live app’s or another host’s', async () => {
    const self = await currentOwner();
    const spec = containerSpec(runnerImage('python').ref, 'python', defaultLimits, self);
    // A live app (the process that started the tests), and an owner that has exited.
    const live = { ...self, pid: process.ppid, start: await processStart(process.ppid) };
    const exited = spawn('sleep', ['30']);
    const gone = { ...self, pid: exited.pid!, start: await processStart(exited.pid!) };
    exited.kill('SIGKILL');
    await new Promise((resolve) => exited.on('exit', resolve));
    const make = (labels: Record<string, string>) => docker.createContainer({ ...spec, Labels: { [sandboxLabel]: 'python', ...labels } });
    const doomed = [await make(ownerLabelsOf(gone)), await make(ownerLabelsOf({ ...live, start: `${live.start}0` }))];
    const kept = [
      await make(ownerLabelsOf(live)),
      // Its pid means nothing here (and with this start it would be a reused pid if it did).
      await make(ownerLabelsOf({ ...live, start: `${live.start}0`, host: 'another-computer' })),
      // An app of an earlier version, labelled with its pid alone.
      await make({ [ownerLabels.pid]: String(process.ppid) }),
      await make(ownerLabelsOf(self)),
    ];
    const driver = new DockerDriver({ docker, imageFor: (language) => runnerImage(language).ref, warm: false, reapIntervalMs: 500 });
    try {
      for (const container of doomed) expect(await waitGone(container.id, 10_000)).toBe(true);
      for (const container of kept) expect(await exists(container.id)).toBe(true);
    } finally {
      await driver.close();
      await Promise.all([...doomed, ...kept].map((container) => container.remove({ force: true }).catch(() => undefined)));
    }
  });

  it('runs Python and JavaScript hello-world and says which driver ran them', async () => {
    const py = await run('python', 'print("hello from python")');
    expect(py).toMatchObject({ outcome: 'finished', exitCode: 0, stdout: 'hello from python\n', driver: 'docker', truncated: false });
    const js = await run('javascript', 'console.log("hello from node")');
    expect(js).toMatchObject({ outcome: 'finished', exitCode: 0, stdout: 'hello from node\n', driver: 'docker' });
    const status = await suite.sandbox.status();
    expect(status).toMatchObject({ driver: 'docker', isolated: true });
  });

  it('streams stdout and stderr apart while the program runs', async () => {
    const seen: string[] = [];
    const result = await suite.sandbox.run(
      { language: 'python', files: [{ path: 'main.py', content: 'import sys\nprint("out")\nprint("err", file=sys.stderr)\n' }], entry: 'main.py' },
      { onOutput: (stream, text) => seen.push(`${stream}:${text}`) },
    );
    expect(result.stdout).toBe('out\n');
    expect(result.stderr).toBe('err\n');
    const joined = (name: string) =>
      seen
        .filter((entry) => entry.startsWith(`${name}:`))
        .map((entry) => entry.slice(name.length + 1))
        .join('');
    expect(joined('stdout')).toBe('out\n');
    expect(joined('stderr')).toBe('err\n');
  });

  it('maps a Python traceback and a JavaScript stack to file:line markers', async () => {
    const py = await run('python', 'x = 1\nprint(y)\n');
    expect(py.outcome).toBe('failed');
    expect(py.diagnostics).toEqual([{ file: 'main.py', line: 2, column: 7, message: "NameError: name 'y' is not defined" }]);
    const js = await run('javascript', 'const x = 1;\nconsole.log(y);\n');
    expect(js.outcome).toBe('failed');
    expect(js.diagnostics[0]).toMatchObject({ file: 'main.js', line: 2, message: 'ReferenceError: y is not defined' });
  });

  // The same Check in both languages: a failing, a passing and a broken solution of add().
  const checkCases = [
    {
      language: 'python' as const,
      harness: 'pytest',
      entry: 'main.py',
      tests: {
        path: 'tests/test_main.py',
        content:
          'from main import add\n\ndef test_adds():\n    print("checking add")\n    assert add(2, 3) == 5, "add(2, 3) should be 5"\n\ndef test_zero():\n    assert add(0, 0) == 0, "add(0, 0) should be 0"\n',
      },
      solutions: { wrong: 'def add(a, b):\n    return a - b\n', right: 'def add(a, b):\n    return a + b\n', broken: 'def add(a, b)\n    return a + b\n' },
      names: ['test_adds', 'test_zero'],
    },
    {
      language: 'javascript' as const,
      harness: 'node:test',
      entry: 'main.js',
      tests: {
        path: 'tests/main.test.js',
        content:
          "import { test, describe } from 'node:test';\nimport assert from 'node:assert/strict';\nimport { add } from './main.js';\n" +
          "test('adds', () => { console.log('checking add'); assert.equal(add(2, 3), 5, 'add(2, 3) should be 5'); });\n" +
          "describe('edge cases', () => { test('zero', () => { assert.equal(add(0, 0), 0, 'add(0, 0) should be 0'); }); });\n",
      },
      solutions: {
        wrong: 'export const add = (a, b) => a - b;\n',
        right: 'export const add = (a, b) => a + b;\n',
        broken: 'export const add = (a, b) => a +;\n',
      },
      names: ['adds', 'edge cases > zero'],
    },
  ];

  for (const { language, harness, entry, tests, solutions, names } of checkCases) {
    it(`checks ${language} with ${harness} and reports Exercism v3 results in file order`, async () => {
      const check = (content: string) => suite.sandbox.check({ language, files: [{ path: entry, content }], tests: [tests] });
      const failing = await check(solutions.wrong);
      expect(failing.status).toBe('fail');
      expect(failing.tests.map((t) => [t.name, t.status])).toEqual([
        [names[0], 'fail'],
        [names[1], 'pass'],
      ]);
      expect(failing.tests[0]!.message).toMatch(/^add\(2, 3\) should be 5/);
      expect(failing.tests[0]!.output).toBe('checking add');
      expect(failing.tests[1]!.output).toBeUndefined();
      expect((await check(solutions.right)).status).toBe('pass');
      const broken = await check(solutions.broken);
      expect(broken.status).toBe('error');
      expect(broken.message).toMatch(/SyntaxError/);
    });
  }

  it('keeps the output of callback-style tests and subtests with the test that wrote it', async () => {
    const tests = [
      {
        path: 'tests/main.test.js',
        content:
          "import { test } from 'node:test';\nimport assert from 'node:assert/strict';\nimport { add } from './main.js';\n" +
          "test('later', (t, done) => { setTimeout(() => { console.log('from a timer'); assert.equal(add(1, 1), 2); done(); }, 5); });\n" +
          "test('table', async (t) => {\n  console.log('setting up');\n" +
          "  await t.test('small', () => { console.log('small numbers'); assert.equal(add(1, 2), 3); });\n" +
          "  await t.test('negative', async () => { await new Promise((r) => setTimeout(r, 5)); console.error('negative numbers'); assert.equal(add(-1, -2), -3, 'add(-1, -2) should be -3'); });\n});\n",
      },
    ];
    const result = await suite.sandbox.check({
      language: 'javascript',
      files: [{ path: 'main.js', content: 'export const add = (a, b) => (a < 0 ? 0 : a + b);\n' }],
      tests,
    });
    expect(result.tests.map((t) => [t.name, t.status, t.output])).toEqual([
      ['later', 'pass', 'from a timer'],
      ['table > small', 'pass', 'small numbers'],
      ['table > negative', 'fail', 'negative numbers'],
      ['table', 'fail', 'setting up'],
    ]);
    expect(result.tests[2]!.message).toMatch(/^add\(-1, -2\) should be -3/);
  });

  interface Attack {
    name: string;
    python: string;
    javascript: string;
    expect: (result: RunResult) => void;
    /** A longer wall-clock limit where the limit under test must be reached first, even on a busy machine. */
    timeoutSeconds?: number;
  }

  const attacks: Attack[] = [
    {
      name: 'infinite loop',
      python: 'while True:\n    pass\n',
      javascript: 'for (;;) {}\n',
      expect: (r) => expect(r.outcome).toBe('timeout'),
    },
    {
      name: 'sleep past the limit',
      python: 'import time\ntime.sleep(30)\n',
      javascript: 'setTimeout(() => {}, 30000);\n',
      expect: (r) => expect(r.outcome).toBe('timeout'),
    },
    {
      name: 'fork bomb',
      python: 'import os\nwhile True:\n    try:\n        os.fork()\n    except OSError:\n        pass\n',
      javascript:
        "import { spawn } from 'node:child_process';\nconst bomb = () => { try { spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)']).on('error', () => {}); } catch {} setImmediate(bomb); };\nbomb();\n",
      expect: (r) => expect(r.outcome).toBe('timeout'),
    },
    {
      name: 'memory bomb',
      python: "chunks = []\nwhile True:\n    chunks.append(' ' * 10_000_000)\n",
      javascript: 'const chunks = [];\nfor (;;) chunks.push(Buffer.alloc(10_000_000, 1));\n',
      expect: (r) => expect(r.outcome).toBe('memory'),
      timeoutSeconds: 10,
    },
    {
      name: 'disk fill',
      python: "i = 0\nwhile True:\n    with open(f'fill{i}', 'wb') as f:\n        f.write(b'x' * 4_000_000)\n    i += 1\n",
      javascript: "import fs from 'node:fs';\nfor (let i = 0; ; i++) fs.writeFileSync(`fill${i}`, Buffer.alloc(4_000_000, 120));\n",
      expect: (r) => {
        expect(r.outcome).toBe('failed');
        expect(r.stderr).toMatch(/No space left on device|ENOSPC/);
      },
    },
    {
      name: 'one huge file',
      python: "with open('huge', 'wb') as f:\n    f.write(b'x' * 64_000_000)\n",
      javascript: "import fs from 'node:fs';\nfs.writeFileSync('huge', Buffer.alloc(64_000_000, 120));\n",
      expect: (r) => {
        expect(r.outcome).toBe('failed');
        expect(`${r.stderr} ${r.message}`).toMatch(/File too large|EFBIG|larger than the sandbox allows/);
      },
    },
    ...floodAttacks,
    binaryOutputAttack('process.stdout.write(Buffer.from([...Array(256).keys(), 0xff, 0xfe, 0xc3]));\n'),
    {
      name: 'network connect and DNS',
      python:
        `import socket\nprint(sorted(l.split(':')[0].strip() for l in open('/proc/net/dev').readlines()[2:]))\n` +
        `try:\n    socket.getaddrinfo('example.com', 80)\n    print('dns ok')\nexcept OSError as e:\n    print('dns failed')\n` +
        `try:\n    socket.create_connection(('127.0.0.1', ${'${PORT}'}), timeout=1).recv(100)\n    print('host reached')\nexcept OSError:\n    print('connect failed')\n`,
      javascript:
        "import os from 'node:os';\nimport dns from 'node:dns/promises';\nimport net from 'node:net';\nconsole.log(JSON.stringify(Object.keys(os.networkInterfaces()).sort()));\n" +
        "try { await dns.lookup('example.com'); console.log('dns ok'); } catch { console.log('dns failed'); }\n" +
        "await new Promise((resolve) => { const s = net.connect(${PORT}, '127.0.0.1'); s.on('data', () => { console.log('host reached'); s.destroy(); resolve(); }); s.on('error', () => { console.log('connect failed'); resolve(); }); });\n",
      expect: (r) => {
        expect(r.outcome).toBe('finished');
        expect(r.stdout).toMatch(/\[['"]lo['"]\]/);
        expect(r.stdout).toContain('dns failed');
        expect(r.stdout).toContain('connect failed');
        expect(r.stdout).not.toContain('host reached');
      },
    },
    {
      name: 'reading host paths and the Docker socket',
      python:
        "import os\nfor p in ['/var/run/docker.sock', '/run/docker.sock', '/etc/shadow', '/root/.bashrc', '" +
        process.cwd() +
        "/package.json']:\n    try:\n        open(p).read()\n        print('READ', p)\n    except OSError as e:\n        print('denied', p, type(e).__name__)\n",
      javascript:
        "import fs from 'node:fs';\nfor (const p of ['/var/run/docker.sock', '/run/docker.sock', '/etc/shadow', '/root/.bashrc', '" +
        process.cwd() +
        "/package.json']) { try { fs.readFileSync(p); console.log('READ', p); } catch (e) { console.log('denied', p, e.code); } }\n",
      expect: (r) => {
        expect(r.outcome).toBe('finished');
        expect(r.stdout).not.toContain('READ');
        expect(r.stdout.match(/denied/g)).toHaveLength(5);
      },
    },
    {
      name: 'setuid attempts',
      python:
        "import os\nfor f in (lambda: os.setuid(0), lambda: os.setgid(0), lambda: os.seteuid(0)):\n    try:\n        f()\n        print('ROOT')\n    except PermissionError:\n        print('refused')\nprint(os.getuid(), os.geteuid())\n",
      javascript:
        "for (const f of [() => process.setuid(0), () => process.setgid(0), () => process.seteuid(0)]) { try { f(); console.log('ROOT'); } catch { console.log('refused'); } }\nconsole.log(process.getuid(), process.geteuid());\n",
      expect: (r) => {
        expect(r.outcome).toBe('finished');
        expect(r.stdout).not.toContain('ROOT');
        expect(r.stdout).toContain('1000 1000');
      },
    },
  ];

  for (const language of ['python', 'javascript'] as const) {
    for (const attack of attacks) {
      it(`${language}: ${attack.name} is contained`, async () => {
        const result = await runResponsively(() => run(language, attack[language].replaceAll('${PORT}', String(suite.hostPort)), attack.timeoutSeconds));
        attack.expect(result);
        // Nothing of ours is left but the warm containers: two per language (the next Run's and a spare).
        await suite.sandbox.settled();
        expect((await ownContainers()).length).toBeLessThanOrEqual(4);
      }, 90_000);
    }

    it(`${language}: a background process and files left by one run are gone in the next`, async () => {
      const after = await afterLeaving(run, language, {
        leave: {
          python:
            "import subprocess\nsubprocess.Popen(['sleep', '60'], start_new_session=True)\nopen('left.txt', 'w').write('x')\nopen('.hidden', 'w').write('x')\nprint('left')\n",
          javascript:
            "import { spawn } from 'node:child_process';\nimport fs from 'node:fs';\nspawn('sleep', ['60'], { detached: true, stdio: 'ignore' }).unref();\nfs.writeFileSync('left.txt', 'x');\nfs.writeFileSync('.hidden', 'x');\nconsole.log('left');\n",
        },
        look: {
          python:
            "import os\nmine = [p for p in os.listdir('/proc') if p.isdigit() and os.stat('/proc/' + p).st_uid == os.getuid() and int(p) != os.getpid()]\nprint(len(mine), sorted(os.listdir('.')))\n",
          javascript:
            "import fs from 'node:fs';\nconst mine = fs.readdirSync('/proc').filter((p) => /^\\d+$/.test(p) && fs.statSync('/proc/' + p).uid === process.getuid() && Number(p) !== process.pid);\nconsole.log(mine.length, JSON.stringify(fs.readdirSync('.').sort()));\n",
        },
      });
      expect(after.outcome).toBe('finished');
      expect(after.stdout).toBe(language === 'python' ? "0 ['main.py']\n" : '0 [".drona","main.js","package.json"]\n');
    }, 90_000);
  }

  it('gives each run of a warm container empty System V IPC and POSIX message queues (attack: leave them for the next run)', async () => {
    const leave =
      'import ctypes, os, socket\nlibc = ctypes.CDLL(None, use_errno=True)\nIPC_CREAT = 0o1000\n' +
      'made = [libc.shmget(0x1234, 1024, IPC_CREAT | 0o666), libc.msgget(0x1235, IPC_CREAT | 0o666), libc.semget(0x1236, 1, IPC_CREAT | 0o666)]\n' +
      "made.append(libc.mq_open(b'/drona-left', os.O_CREAT | os.O_RDWR, 0o666, None))\n" +
      'print(socket.gethostname(), all(m >= 0 for m in made))\n';
    const look =
      "import os, socket\nrows = lambda kind: len(open('/proc/sysvipc/' + kind).read().splitlines()) - 1\n" +
      "print(socket.gethostname(), rows('shm'), rows('msg'), rows('sem'), sorted(os.listdir('/dev/mqueue')))\n";
    await suite.sandbox.settled();
    const first = await run('python', leave);
    expect(first.stdout).toMatch(/^\S+ True\n$/);
    // The pool hands out its spare next, then the first run's container again: cleaned, not
    // replaced, and neither run after it sees anything of the first.
    const later = [(await run('python', look)).stdout, (await run('python', look)).stdout];
    expect(later.every((stdout) => / 0 0 0 \[\]\n$/.test(stdout))).toBe(true);
    expect(later).toContain(`${first.stdout.split(' ')[0]} 0 0 0 []\n`);
  });

  it('answers 100 rapid Runs in a row without leaking containers or memory', async () => {
    let heapAt20 = 0;
    for (let i = 0; i < 100; i += 1) {
      const result = await suite.sandbox.run({ language: 'python', files: [{ path: 'main.py', content: `print(${i})` }], entry: 'main.py' });
      expect(result.outcome).toBe('finished');
      expect(result.stdout).toBe(`${i}\n`);
      if (i === 20) heapAt20 = process.memoryUsage().heapUsed;
    }
    const growth = process.memoryUsage().heapUsed - heapAt20;
    expect(growth).toBeLessThan(32 * 1024 * 1024);
    await suite.sandbox.settled();
    expect((await ownContainers()).length).toBeLessThanOrEqual(4);
  }, 120_000);

  it('stops a run on request', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 300);
    const result = await suite.sandbox.run(
      { language: 'python', files: [{ path: 'main.py', content: 'import time\ntime.sleep(10)\n' }], entry: 'main.py' },
      { signal: controller.signal },
    );
    expect(result.outcome).toBe('stopped');
  });
});
