// Standard input in every real driver: a line typed after the program asked for it reaches it,
// the end of input is seen, a long input arrives whole, input stays out of the program's files,
// and the wall clock does not cut off a program waiting for the learner.
import Docker from 'dockerode';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { RunResult, SandboxLanguage } from '../../preload/contract/sandbox';
import { describeWhen } from '../../common/testing/capabilities';
import { probeDocker } from './docker-driver';
import type { DriverRequest } from './driver-choice';
import { imageExists } from './image-build';
import { runnerImage } from './runner-images';
import { SandboxService } from './sandbox-service';
import { StdinFeed } from './stdin-feed';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 180_000 });

const docker = new Docker();
const probe = await probeDocker(docker);
const dockerReady = probe.ok && (await imageExists(docker, runnerImage('python').ref)) && (await imageExists(docker, runnerImage('javascript').ref));

const programs: Record<SandboxLanguage, { greet: string; count: string; files: string }> = {
  python: {
    greet: "name = input('Name? ')\nprint(f'Hello, {name}!')\nprint(repr(input('Again? ')))\ntry:\n    input()\nexcept EOFError:\n    print('EOF')\n",
    count: 'import sys\ndata = sys.stdin.read()\nprint(len(data), data.count("\\n"))\n',
    files: "import os\nprint(sorted(os.listdir('.')), len(input()))\n",
  },
  javascript: {
    greet:
      "import { createInterface } from 'node:readline/promises';\nconst rl = createInterface({ input: process.stdin, output: process.stdout });\n" +
      "const name = await rl.question('Name? ');\nconsole.log(`Hello, ${name}!`);\nconsole.log(JSON.stringify(await rl.question('Again? ')));\n" +
      "rl.on('close', () => console.log('EOF'));\nrl.on('line', (line) => console.log('more', line));\n",
    count:
      "import { createInterface } from 'node:readline';\nlet chars = 0, lines = 0;\nconst rl = createInterface({ input: process.stdin });\n" +
      'for await (const line of rl) { chars += line.length + 1; lines += 1; }\nconsole.log(chars, lines);\n',
    files:
      "import { createInterface } from 'node:readline';\nconst rl = createInterface({ input: process.stdin });\nrl.once('line', (line) => { console.log(line.length); rl.close(); });\n",
  },
};

const entryOf = (language: SandboxLanguage) => (language === 'python' ? 'main.py' : 'main.js');

/** Resolves once the run has printed `text`. */
function printed(text: string) {
  let seen = '';
  let resolve: () => void = () => undefined;
  const shown = new Promise<void>((r) => (resolve = r));
  return {
    shown,
    onOutput: (_stream: string, chunk: string) => {
      seen += chunk;
      if (seen.includes(text)) resolve();
    },
  };
}

const suite = (driver: DriverRequest) => () => {
  let sandbox: SandboxService;
  beforeAll(async () => {
    sandbox = await SandboxService.create({ driver, prewarm: true });
  });
  afterAll(() => sandbox?.close());

  const run = (language: SandboxLanguage, code: string, stdin: StdinFeed, onOutput?: (stream: 'stdout' | 'stderr', text: string) => void, timeoutSeconds = 5) =>
    sandbox.run(
      { language, files: [{ path: entryOf(language), content: code }], entry: entryOf(language), limits: { timeoutSeconds } },
      { stdin, ...(onOutput ? { onOutput } : {}) },
    );

  for (const language of ['python', 'javascript'] as const) {
    it(`${language}: a line typed after the prompt reaches the program, then the end of input`, async () => {
      const stdin = new StdinFeed();
      const prompt = printed('Name? ');
      const again = printed('Again? ');
      const result = run(language, programs[language].greet, stdin, (stream, text) => {
        prompt.onOutput(stream, text);
        again.onOutput(stream, text);
      });
      await prompt.shown;
      // The learner reads the prompt, then types: the program waited, whatever its clock.
      await new Promise((r) => setTimeout(r, 300));
      stdin.write('Ada\n');
      await again.shown;
      stdin.write('two words\n');
      stdin.end();
      const done: RunResult = await result;
      expect(done.stdout).toBe(`Name? Hello, Ada!\nAgain? ${language === 'python' ? "'two words'" : '"two words"'}\nEOF\n`);
      expect(done.outcome).toBe('finished');
    });

    it(`${language}: a long input arrives whole, and input never becomes a file`, async () => {
      const line = `${'x'.repeat(99)}\n`;
      const counted = await run(language, programs[language].count, StdinFeed.of(line.repeat(3000)));
      expect(counted.stdout).toBe('300000 3000\n');
      // Bytes that look like a tar archive, sent before the program even started, are input, not files.
      const files = await run(language, programs[language].files, StdinFeed.of(`evil.txt${'\0'.repeat(600)}\n`));
      expect(files.stdout).toBe(language === 'python' ? "['main.py'] 608\n" : '608\n');
      expect(files.outcome).toBe('finished');
    });

    it(`${language}: no input at all is the end of input at once`, async () => {
      const result = await sandbox.run({ language, files: [{ path: entryOf(language), content: programs[language].count }], entry: entryOf(language) });
      expect(result.stdout).toBe('0 0\n');
    });
  }

  it('each line sent restarts the wall clock; a program that runs on after its input still times out', async () => {
    const stdin = new StdinFeed();
    const code = 'for _ in range(3):\n    print(input())\nwhile True:\n    pass\n';
    const result = run('python', code, stdin, undefined, 1);
    for (const word of ['a', 'b', 'c']) {
      await new Promise((r) => setTimeout(r, 700));
      stdin.write(`${word}\n`);
    }
    const done = await result;
    expect(done.stdout).toBe('a\nb\nc\n');
    expect(done.outcome).toBe('timeout');
  });

  it('a program that waits for input past its time limit keeps waiting, then runs on the line', async () => {
    const stdin = new StdinFeed();
    const prompt = printed('Name? ');
    const result = run('python', "name = input('Name? ')\nprint('Hello', name)\n", stdin, prompt.onOutput, 1);
    await prompt.shown;
    // Three time limits of waiting: the clock is stopped while the program reads.
    await new Promise((r) => setTimeout(r, 3000));
    stdin.write('Ada\n');
    const done = await result;
    expect(done.stdout).toBe('Name? Hello Ada\n');
    expect(done.outcome).toBe('finished');
  });
};

describe('standard input: WebAssembly driver', suite('wasm'));
describe('standard input: process driver', suite('process'));
describeWhen(
  dockerReady,
  `a Docker engine and the runner images (${probe.ok ? 'images missing' : probe.reason})`,
  'standard input: Docker driver',
  suite('docker'),
);
