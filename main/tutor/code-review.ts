// "Review my code": a structured review (correctness, efficiency, style, each finding on a line
// of the learner's file). With a provider the Code Reviewer replies in JSON, validated with zod
// and checked against the learner's files; without one (or when the model's review is unusable)
// the review comes from the last Check's results and static rules. Never a rewrite: findings
// that repeat the reference solution are dropped (answer-leak-guard.ts).
import { z } from 'zod';
import { isLeak } from './answer-leak-guard';
import type { ContextRun } from './context-builder';
import { parseJsonReply } from './json-reply';

export const reviewAspects = ['correctness', 'efficiency', 'style'] as const;
export type ReviewAspect = (typeof reviewAspects)[number];

const findingSchema = z.object({
  aspect: z.enum(reviewAspects),
  file: z.string().min(1).max(200).optional(),
  line: z.number().int().min(1).nullable(),
  comment: z.string().min(3).max(500),
});
export const codeReviewSchema = z.object({ findings: z.array(findingSchema).max(12), summary: z.string().max(500).default('') });
export type CodeReview = z.infer<typeof codeReviewSchema>;
export type ReviewFinding = CodeReview['findings'][number];

export interface ReviewedFile {
  readonly path: string;
  readonly content: string;
}

/** What the Code Reviewer is asked for, in place of the review action's prose brief. */
export const reviewInstruction =
  'The learner asked for a review of their code. Reply with JSON only, no prose: ' +
  '{"findings":[{"aspect":"correctness"|"efficiency"|"style","file":string,"line":number,"comment":string}],"summary":string}. ' +
  "One to six findings, each on a line of the learner's file; each comment says what to look at and why, and may ask a question. Never rewrite the code or give the fix.";

/** Parses the model's review and checks each finding's file and line against the learner's files. */
export function parseReview(reply: string, files: readonly ReviewedFile[]): { ok: true; review: CodeReview } | { ok: false; problem: string } {
  const parsed = parseJsonReply(reply, codeReviewSchema);
  if (!parsed.ok) return parsed;
  const entry = files[0]?.path;
  const findings: ReviewFinding[] = [];
  for (const [index, finding] of parsed.value.findings.entries()) {
    const file = files.find((candidate) => candidate.path === (finding.file ?? entry));
    if (!file) return { ok: false, problem: `findings.${index}.file: "${finding.file}" is not one of the learner's files` };
    const lines = file.content.split('\n').length;
    if (finding.line !== null && finding.line > lines) return { ok: false, problem: `findings.${index}.line: ${file.path} has only ${lines} lines` };
    findings.push({ ...finding, file: file.path });
  }
  return { ok: true, review: { findings, summary: parsed.value.summary } };
}

/** Drops the findings (and summary) that repeat the reference solution; what is left can be shown. */
export function withoutLeaks(review: CodeReview, secret: ReadonlySet<string>): CodeReview {
  return {
    findings: review.findings.filter((finding) => !isLeak(finding.comment, secret)),
    summary: isLeak(review.summary, secret) ? '' : review.summary,
  };
}

const aspectTitles: Record<ReviewAspect, string> = { correctness: 'Correctness', efficiency: 'Efficiency', style: 'Style' };

/** The review as the panel shows it: one section per aspect, each finding led by its file and line. */
export function reviewMarkdown(review: CodeReview): string {
  const sections = reviewAspects.map((aspect) => {
    const findings = review.findings.filter((finding) => finding.aspect === aspect);
    const items = findings.map((finding) => `- **${finding.file ?? 'your code'}${finding.line ? `, line ${finding.line}` : ''}**: ${finding.comment}`);
    return `**${aspectTitles[aspect]}**\n\n${items.length > 0 ? items.join('\n') : '- Nothing to flag.'}`;
  });
  return [review.summary, ...sections, 'Which of these will you look at first?'].filter(Boolean).join('\n\n');
}

interface LineRule {
  readonly aspect: ReviewAspect;
  readonly languages: readonly ('python' | 'javascript')[];
  readonly test: RegExp;
  readonly comment: string;
}

// Static rules read one line at a time; each comment explains and asks, never shows a fix.
const lineRules: readonly LineRule[] = [
  {
    aspect: 'correctness',
    languages: ['python'],
    test: /^\s+pass\s*$/,
    comment: '`pass` here means this block does nothing yet, so the function returns `None`. What should it give back?',
  },
  { aspect: 'correctness', languages: ['python', 'javascript'], test: /\b(TODO|FIXME)\b/, comment: 'A TODO is still here: is this part finished?' },
  {
    aspect: 'style',
    languages: ['python'],
    test: /[!=]=\s*(None|True|False)\b/,
    comment: 'Comparing with `None`, `True` or `False` by `==` is unusual in Python: what does `is` (or the value itself) say instead?',
  },
  { aspect: 'style', languages: ['python'], test: /range\(len\(/, comment: '`range(len(...))` walks indexes: do you need the index, or only each item?' },
  { aspect: 'style', languages: ['python'], test: /^\s*def [a-z]+[A-Z]\w*\(/, comment: 'Python names functions in snake_case (words joined by `_`).' },
  {
    aspect: 'style',
    languages: ['javascript'],
    test: /(^|[^=!<>])==([^=]|$)/,
    comment: '`==` converts types before comparing; would `===` say what you mean more exactly?',
  },
  { aspect: 'style', languages: ['javascript'], test: /^\s*var\s/, comment: '`var` is function-scoped; `let` or `const` keep the name to its block.' },
  { aspect: 'style', languages: ['python', 'javascript'], test: /\S[ \t]+$/, comment: 'Trailing spaces at the end of this line.' },
  {
    aspect: 'style',
    languages: ['python', 'javascript'],
    test: /^.{100,}$/,
    comment: 'This line is long (100+ characters): would a name for part of it read better?',
  },
];

const loopStart = /^(\s*)(for|while)\b/;
const costlyInLoop = /\.(index|count|sort)\(|\bsorted\(|\.(indexOf|includes)\(/;

/** Efficiency read from indentation: a loop inside a loop, or a whole-list operation repeated in a loop. */
function loopFindings(file: ReviewedFile): ReviewFinding[] {
  const out: ReviewFinding[] = [];
  const open: number[] = [];
  file.content.split('\n').forEach((text, index) => {
    if (text.trim() === '') return;
    const indent = text.length - text.trimStart().length;
    while (open.length > 0 && indent <= open.at(-1)!) open.pop();
    const loop = loopStart.exec(text);
    if (loop && open.length > 0)
      out.push({
        aspect: 'efficiency',
        file: file.path,
        line: index + 1,
        comment: 'A loop inside a loop: for n items this runs n × n times. Does it need to?',
      });
    else if (!loop && open.length > 0 && costlyInLoop.test(text))
      out.push({
        aspect: 'efficiency',
        file: file.path,
        line: index + 1,
        comment: 'This walks the whole list again on every turn of the loop: could it be done once, before the loop?',
      });
    if (loop) open.push(indent);
  });
  return out;
}

/** Where a failing test's message points in the learner's files (a traceback's line, or file:line). */
function failureLine(text: string, files: readonly ReviewedFile[]): { file: string; line: number } | null {
  for (const match of text.matchAll(/File "(?:[^"]*\/)?([^"/]+)", line (\d+)|([\w./-]+\.(?:py|js|mjs)):(\d+)/g)) {
    const name = match[1] ?? match[3]!.split('/').at(-1)!;
    const file = files.find((candidate) => candidate.path.split('/').at(-1) === name);
    if (file) return { file: file.path, line: Number(match[2] ?? match[4]) };
  }
  return null;
}

/** The line that defines a function the test's name mentions (test_total_empty → `def total`, `totalPrice` too). */
function definitionLine(testName: string, files: readonly ReviewedFile[]): { file: string; line: number } | null {
  const words = testName
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 0 && word !== 'test');
  const named = new Set<string>();
  for (let from = 0; from < words.length; from++) for (let to = from + 1; to <= words.length; to++) named.add(words.slice(from, to).join(''));
  for (const file of files) {
    const at = file.content.split('\n').findIndex((text) => {
      const name = /\b(?:def|function)\s+([\w$]+)|^\s*(?:const|let|var)?\s*([\w$]+)\s*=\s*(?:\(|function|async)/.exec(text);
      const defined = (name?.[1] ?? name?.[2])?.toLowerCase().replace(/_/g, '');
      return defined !== undefined && defined.length > 2 && named.has(defined);
    });
    if (at >= 0) return { file: file.path, line: at + 1 };
  }
  return null;
}

/** The review without a model: the last Check's failing tests located in the code, and the static rules. */
export function offlineReview(files: readonly ReviewedFile[], language: 'python' | 'javascript', lastRun: ContextRun | null): CodeReview {
  const findings: ReviewFinding[] = [];
  const failing = lastRun?.kind === 'check' ? lastRun.tests.filter((test) => test.status !== 'pass') : [];
  for (const test of failing.slice(0, 4)) {
    const at = failureLine(`${test.message ?? ''}\n${lastRun!.output}`, files) ?? definitionLine(test.name, files);
    const said = test.message
      ?.split('\n')
      .filter((line) => line.trim() !== '')
      .at(-1)
      ?.trim()
      .slice(0, 160);
    const why = said ? ` It reports: “${said}”.` : '';
    findings.push({
      aspect: 'correctness',
      file: at?.file ?? files[0]?.path,
      line: at?.line ?? null,
      comment: `The test “${test.name}” fails here.${why} What does this line give for that test's input?`,
    });
  }
  for (const file of files) {
    file.content.split('\n').forEach((text, index) => {
      for (const rule of lineRules)
        if (rule.languages.includes(language) && rule.test.test(text))
          findings.push({ aspect: rule.aspect, file: file.path, line: index + 1, comment: rule.comment });
    });
    findings.push(...loopFindings(file));
  }
  const passing = lastRun?.kind === 'check' && failing.length === 0 && lastRun.tests.length > 0;
  const summary =
    !lastRun || lastRun.kind !== 'check'
      ? 'Press Check first for the tests’ verdict; here is what reading the code shows.'
      : passing
        ? `All ${lastRun.tests.length} tests pass; here is what could still be better.`
        : `${failing.length} of ${lastRun.tests.length} tests fail.`;
  // At most three findings of each kind, so the review stays short enough to act on.
  const kept = reviewAspects.flatMap((aspect) => findings.filter((finding) => finding.aspect === aspect).slice(0, 3));
  return { findings: kept, summary };
}
