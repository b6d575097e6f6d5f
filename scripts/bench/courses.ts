// bench:courses — import time of one course (.drona → installed) and lesson-search latency
// (FTS5 bm25 with snippets) over a generated catalog of 200 courses × 40 lessons. Baselines
// measured in the same run: copying the same files with fs.cpSync (import), and a LIKE scan
// of the same lesson text (search). Goals: search p95 < 15 ms, import < 300 ms.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { BundleFiles } from '../../main/courses/bundle/bundle-files';
import { packBundle } from '../../main/courses/bundle/course-pack';
import { CourseService } from '../../main/courses/course-service';
import { openStore } from '../../main/store/open-store';

const COURSES = Number(process.env.BENCH_COURSES ?? 200);
const LESSONS = 40;
const QUERIES = 400;

let seed = 42;
const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
const terms = [
  'variable',
  'loop',
  'function',
  'list',
  'dictionary',
  'string',
  'error',
  'exception',
  'file',
  'class',
  'object',
  'return',
  'import',
  'module',
  'recursion',
  'iterator',
  'generator',
  'closure',
  'scope',
  'array',
  'promise',
  'async',
  'callback',
  'test',
  'assert',
  'index',
  'slice',
  'tuple',
  'set',
  'map',
];
// Words follow Zipf's law, as in real text: a few very common words, a long tail. The topic
// terms sit at ranks 40–330, where real lesson vocabulary (loop, function, error...) sits.
const vocabulary = Array.from({ length: 20_000 }, (_, i) => `w${i.toString(36)}${'aeiou'[i % 5]}`);
terms.forEach((term, i) => (vocabulary[40 + i * 10] = term));
const zipfWeights = vocabulary.map((_, rank) => 1 / (rank + 1));
const zipfTotal = zipfWeights.reduce((a, b) => a + b, 0);
const cumulative: number[] = [];
zipfWeights.reduce((sum, weight, i) => (cumulative[i] = sum + weight / zipfTotal), 0);
const zipfWord = () => {
  const target = random();
  let low = 0;
  let high = cumulative.length - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (cumulative[mid]! < target) low = mid + 1;
    else high = mid;
  }
  return vocabulary[low]!;
};
const sentence = () => Array.from({ length: 14 }, zipfWord).join(' ') + '.';

function generateCourse(index: number): BundleFiles {
  const id = `bench-course-${index}`;
  const files: BundleFiles = new Map();
  const modules = Array.from({ length: 5 }, (_, m) => ({
    id: `module-${m}`,
    title: `Module ${m}`,
    lessons: Array.from({ length: LESSONS / 5 }, (_, l) => `lessons/m${m}/lesson-${m * 8 + l}.md`),
  }));
  const yaml = [
    'format: 1',
    `id: ${id}`,
    `title: Bench course ${index}`,
    'version: 1.0.0',
    'summary: A generated course for the benchmark.',
    `domain: { id: domain-${index % 4}, title: Domain ${index % 4} }`,
    `track: { id: track-${index % 12}, title: Track ${index % 12} }`,
    'difficulty: beginner',
    'languages: [python]',
    'estimatedHours: 10',
    'prerequisites: []',
    'authors: [Bench]',
    'license: CC0-1.0',
    'modules:',
    ...modules.flatMap((module) => [
      `  - id: ${module.id}`,
      `    title: ${module.title}`,
      '    lessons:',
      ...module.lessons.map((lesson) => `      - ${lesson}`),
    ]),
  ].join('\n');
  files.set('course.yaml', Buffer.from(`${yaml}\n`));
  modules.forEach((module) =>
    module.lessons.forEach((file, l) => {
      const body = Array.from(
        { length: 4 },
        (_, s) => `## Section ${s}\n\n${Array.from({ length: 6 }, sentence).join(' ')}\n\n\`\`\`python\nprint(${l})\n\`\`\`\n`,
      ).join('\n');
      files.set(
        file,
        Buffer.from(
          `---\nid: ${path.basename(file, '.md')}\ntitle: ${pick(terms)} and ${pick(terms)} ${l}\ntype: concept\nxp: 10\nparTimeMinutes: 5\nobjectives: [Learn ${pick(terms)}]\n---\n${body}`,
        ),
      );
    }),
  );
  return files;
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};
const ms = (value: number) => `${value.toFixed(2)} ms`;

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'drona-bench-courses-'));
  const store = openStore(path.join(dataDir, 'drona.db'));
  const service = new CourseService(store, dataDir);
  try {
    process.stdout.write(`bench:courses — ${COURSES} courses × ${LESSONS} lessons\n`);
    const importTimes: number[] = [];
    const copyTimes: number[] = [];
    const source = path.join(dataDir, 'source');
    for (let i = 0; i < COURSES; i++) {
      const files = generateCourse(i);
      const packed = await packBundle(files, `bench-course-${i}`, '1.0.0');
      let started = performance.now();
      await service.installer.importPack(packed);
      importTimes.push(performance.now() - started);
      if (i < 20) {
        // Baseline: write the same files to disk and copy them (no checks, no index).
        for (const [name, content] of files) {
          fs.mkdirSync(path.dirname(path.join(source, name)), { recursive: true });
          fs.writeFileSync(path.join(source, name), content);
        }
        started = performance.now();
        fs.cpSync(source, path.join(dataDir, `copy-${i}`), { recursive: true });
        copyTimes.push(performance.now() - started);
        fs.rmSync(source, { recursive: true, force: true });
      }
    }
    const importP50 = percentile(importTimes, 50);
    process.stdout.write(
      `import one course (.drona → installed, ${LESSONS} lessons): p50 ${ms(importP50)}, p95 ${ms(percentile(importTimes, 95))}, max ${ms(Math.max(...importTimes))} (goal < 300 ms)\n`,
    );
    process.stdout.write(
      `  baseline fs.cpSync of the same files: p50 ${ms(percentile(copyTimes, 50))} → import is ${(importP50 / percentile(copyTimes, 50)).toFixed(1)}× a bare copy\n`,
    );

    const queries = Array.from({ length: QUERIES }, () => (random() < 0.5 ? pick(terms) : `${pick(terms)} ${pick(terms)}`));
    for (const query of queries.slice(0, 20)) service.lessonSearch.search(query, { limit: 20 }); // warm the page cache
    const searchTimes = queries.map((query) => {
      const started = performance.now();
      service.lessonSearch.search(query, { limit: 20 });
      return performance.now() - started;
    });
    // Ranking needs every match, so the fair baseline scans every row, as FTS considers every match.
    const like = store.sqlite.prepare("SELECT count(*) FROM lesson_search WHERE body LIKE '%' || ? || '%'");
    const likeTimes = queries.slice(0, 100).map((query) => {
      const started = performance.now();
      like.all(query.split(' ')[0]);
      return performance.now() - started;
    });
    const passageTimes = queries.slice(0, 100).map((query) => {
      const started = performance.now();
      service.passages(`how do I use a ${query}`, { limit: 5 });
      return performance.now() - started;
    });
    const p95 = percentile(searchTimes, 95);
    process.stdout.write(
      `lesson search (FTS5 bm25 + snippet, ${COURSES * LESSONS} lessons, ${QUERIES} queries): p50 ${ms(percentile(searchTimes, 50))}, p95 ${ms(p95)} (goal < 15 ms)\n`,
    );
    process.stdout.write(
      `  baseline LIKE scan of every lesson (no ranking, no snippet): p50 ${ms(percentile(likeTimes, 50))}, p95 ${ms(percentile(likeTimes, 95))} → FTS p95 is ${(p95 / percentile(likeTimes, 95)).toFixed(2)}× the scan\n`,
    );
    process.stdout.write(`tutor passages (OR query over sections): p50 ${ms(percentile(passageTimes, 50))}, p95 ${ms(percentile(passageTimes, 95))}\n`);
  } finally {
    store.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
