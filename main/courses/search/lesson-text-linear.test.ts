// Lesson text comes from strangers: every parser over it must be linear. Proved by running each
// nasty shape at n and 4n characters (quadratic work grows 16×, linear 4×), and end to end:
// a 60,000-"[" line (13 s to import and 6.5 s per lesson open before) is refused at once, and
// lessons just under the limits import and open quickly.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBundle, markdownTargets, MAX_LINE_CHARS, splitFrontMatter, textLimitProblems } from '../bundle/course-bundle';
import { packBundle } from '../bundle/course-pack';
import { passagesOf, plainText } from './lesson-text';
import { parseYaml, yamlNestingDepth } from '../bundle/yaml-locations';
import { tinyCourse as fixture, useTempCourseService } from '../testing/temp-course-service';

const repeat = (unit: string, n: number) => unit.repeat(Math.ceil(n / unit.length));
const shapes: Record<string, (n: number) => string> = {
  'open brackets': (n) => repeat('[', n),
  'image openers': (n) => repeat('![', n),
  'link closers': (n) => repeat('](', n),
  'unclosed links': (n) => repeat('[a](', n),
  'unclosed titles': (n) => repeat('[a](b "', n),
  'spaces in links': (n) => `[a](${repeat(' ', n)}`,
  'spaces after a target': (n) => `[a](b${repeat(' ', n)}`,
  'spaces after an angle': (n) => `[a](<${repeat(' ', n)}`,
  'empty links': (n) => repeat('[]( ', n),
  'brackets in a target': (n) => `[a](${repeat('[', n)}`,
  'closers in a target': (n) => `[a](${repeat(']', n)}`,
  backticks: (n) => repeat('`', n),
  stars: (n) => repeat('*', n),
  underscores: (n) => repeat('_', n),
  'blank lines': (n) => repeat('\n', n),
  'fence openers': (n) => repeat('```\n', n),
  'quote lines': (n) => repeat('>\n', n),
  'heading with a separator': (n) => `# ${repeat(' ', n)}x\u2028y`,
  'front matter closers': (n) => repeat('\n---  x', n),
};
const parsers: Record<string, (text: string) => unknown> = {
  plainText,
  passagesOf: (text) => passagesOf('Lesson', text),
  markdownTargets,
  splitFrontMatter: (text) => splitFrontMatter(`---\n${text}`),
  yamlNestingDepth,
  textLimitProblems: (text) => textLimitProblems('x.md', text, Number.MAX_SAFE_INTEGER),
};

/** The fastest of three runs, in milliseconds (the machine is shared: the minimum is the least noisy). */
function fastest(run: () => void): number {
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    run();
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

describe('lesson parsers are linear', () => {
  const n = 10_000;
  for (const [parserName, parse] of Object.entries(parsers)) {
    it(`${parserName} on every nasty shape: 4× the input takes < 8× the time`, () => {
      for (const [shapeName, make] of Object.entries(shapes)) {
        const small = make(n);
        const large = make(4 * n);
        parse(small); // warm up
        const t1 = fastest(() => parse(small));
        const t4 = fastest(() => parse(large));
        // The constant absorbs timer noise on runs of a few milliseconds; quadratic work at
        // this size takes seconds.
        expect(t4, `${parserName} on ${shapeName}: ${t1.toFixed(1)} ms → ${t4.toFixed(1)} ms`).toBeLessThan(8 * t1 + 30);
      }
    });
  }

  it('still finds the links it should (and only outside code)', () => {
    const body = 'a [x](one.md) b ![y](img/two.png "title") c [z]( <three.md> )\n`[no](code.md)`\n```\n[no](fence.md)\n```\n![four](four.png)';
    expect(markdownTargets(body).map((t) => [t.target, t.image, t.line, t.column, body.slice(t.start, t.end)])).toEqual([
      ['one.md', false, 1, 3, 'one.md'],
      ['img/two.png', true, 1, 17, 'img/two.png'],
      ['three.md', false, 1, 45, 'three.md'],
      ['four.png', true, 6, 1, 'four.png'],
    ]);
    expect(plainText('see [the docs](x.md) and ![a box](box.svg)')).toBe('see the docs and a box');
  });
});

describe('author text is bounded before it is parsed', () => {
  it('a line over the limit is a file:line:column problem', () => {
    expect(textLimitProblems('l.md', `ok\n${'['.repeat(MAX_LINE_CHARS + 1)}\n`, 1_000_000)).toMatchObject([
      { file: 'l.md', line: 2, column: MAX_LINE_CHARS + 1, message: `line 2 is ${MAX_LINE_CHARS + 1} characters long, over the limit of ${MAX_LINE_CHARS}` },
    ]);
    expect(textLimitProblems('l.md', 'x'.repeat(11), 10)[0]!.message).toBe('the text is 11 characters long, over the limit of 10');
    expect(textLimitProblems('l.md', `${'x'.repeat(MAX_LINE_CHARS)}\n`, 1_000_000)).toEqual([]);
  });

  it('deeply nested YAML is refused before the YAML parser sees it; an alias bomb is a problem, not a crash', () => {
    expect(yamlNestingDepth('a: [1, {b: [2]}]\nlist:\n  - - x\n')).toBe(3);
    const files = fixture();
    const lesson = files.get('lessons/basics/welcome.md')!.toString('utf8');
    files.set('lessons/basics/welcome.md', Buffer.from(lesson.replace('objectives: [Know what a variable is]', `objectives: ${'['.repeat(15_000)}`)));
    expect(loadBundle(files).problems.map((p) => `${p.file}:${p.line}: ${p.message}`)).toEqual(['lessons/basics/welcome.md:2: the YAML nests 15000 levels deep, over the limit of 64']);
    const dashes = fixture();
    dashes.set('course.yaml', Buffer.from(`${dashes.get('course.yaml')!.toString('utf8')}achievements:\n${'- '.repeat(5_000)}x\n`));
    expect(loadBundle(dashes).problems.map((p) => p.message)).toEqual(['the YAML nests 5000 levels deep, over the limit of 64']);
    const laughs = ['a: &a [x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill(`*${String.fromCharCode(97 + i)}`).join(', ')}]`)].join('\n');
    expect(parseYaml(laughs).errors[0]!.message).toMatch(/alias/i);
  });
});

describe('import and lesson open stay fast on hostile lessons', () => {
  const env = useTempCourseService('drona-linear-');

  const withLesson = (extra: string) => {
    const files = fixture();
    files.set('lessons/basics/welcome.md', Buffer.from(`${files.get('lessons/basics/welcome.md')!.toString('utf8')}\n${extra}\n`));
    return files;
  };

  it('a line of 60,000 "[" is refused at once, naming file, line and column', async () => {
    const started = performance.now();
    await expect(env.service.installer.importPack(await packBundle(withLesson('['.repeat(60_000)), 'tiny-course', '1.0.0'))).rejects.toThrow(
      /lessons\/basics\/welcome\.md:\d+:20001: line \d+ is 60000 characters long, over the limit of 20000/,
    );
    // Generous: 13 s before; a few tens of milliseconds now.
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(fs.readdirSync(path.join(env.dataDir, 'courses'))).toEqual([]);
  });

  it('every nasty shape just under the limits imports and opens quickly', async () => {
    const lines = Object.values(shapes)
      .map((make) => make(MAX_LINE_CHARS - 10).slice(0, MAX_LINE_CHARS - 10))
      .map((text) => text.replace(/\n/g, ' '));
    const started = performance.now();
    // Straight to the installer: these lines compress too well to pass the .drona zip-bomb check.
    env.service.installer.installFiles(withLesson(lines.join('\n')), {});
    const lesson = env.service.getLesson('tiny-course', 'welcome');
    expect(lesson?.body).toContain(lines[0]);
    expect(performance.now() - started).toBeLessThan(3_000);
  });
});
