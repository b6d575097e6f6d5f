// Where a failing Check points into the learner's files. The sandbox's diagnostics cover
// tracebacks of a Run; a Check's failures arrive as pytest / node:test reports, whose frames
// ("main.py:2: in make_greeting", "at …/main.js:3:9") name the learner's line.
import type { CheckResult, Diagnostic } from '../../../../preload/contract/sandbox';

/** Markers at most: a report may name thousands of lines. */
const MAX_DIAGNOSTICS = 50;

export interface FrameMatch {
  readonly file: string;
  readonly line: number;
  readonly column?: number;
}

const isPathChar = (code: number) =>
  (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95 || code === 46 || code === 47 || code === 45;
const isDigit = (code: number) => code >= 48 && code <= 57;
const isLineStart = (text: string, at: number) => {
  const before = at === 0 ? 10 : text.charCodeAt(at - 1);
  return before === 10 || before === 13 || before === 0x2028 || before === 0x2029;
};
const digitsEnd = (text: string, from: number) => {
  let at = from;
  while (at < text.length && isDigit(text.charCodeAt(at))) at += 1;
  return at;
};

/**
 * Every "file.py:line[:column]" frame, left to right: what
 * /(?:^|[\s("/])([\w./-]+\.(?:py|js|mjs)):(\d+)(?::(\d+))?/gm matches, found in one pass, since
 * that regex backtracks quadratically over a long run of "/" (the output is the learner's to fill).
 */
export function* fileLineFrames(text: string): Generator<FrameMatch> {
  let from = 0; // where the regex would search next (its lastIndex)
  let colon = text.indexOf(':');
  while (colon >= 0) {
    const extension = text.endsWith('.mjs', colon) ? 4 : text.endsWith('.py', colon) || text.endsWith('.js', colon) ? 3 : 0;
    if (extension && colon >= from && isDigit(text.charCodeAt(colon + 1))) {
      let runStart = colon;
      while (runStart > from && isPathChar(text.charCodeAt(runStart - 1))) runStart -= 1;
      // The name starts at the run, after a space, "(" or '"' or at a line start; else after its first "/".
      let start = -1;
      if (runStart > 0 && isPathChar(text.charCodeAt(runStart - 1))) {
        // The run reaches back before `from`: only a "/" at or after `from` can start a name.
      } else if (isLineStart(text, runStart) || (runStart > from && /[\s("]/.test(text[runStart - 1]!))) start = runStart;
      for (let at = runStart; start < 0 && at < colon; at += 1) if (text.charCodeAt(at) === 47) start = at + 1;
      if (start >= 0 && colon - start > extension) {
        const lineEnd = digitsEnd(text, colon + 1);
        const hasColumn = text[lineEnd] === ':' && isDigit(text.charCodeAt(lineEnd + 1));
        const columnEnd = hasColumn ? digitsEnd(text, lineEnd + 1) : lineEnd;
        yield {
          file: text.slice(start, colon),
          line: Number(text.slice(colon + 1, lineEnd)),
          ...(hasColumn ? { column: Number(text.slice(lineEnd + 1, columnEnd)) } : {}),
        };
        from = columnEnd;
      }
    }
    colon = text.indexOf(':', colon + 1);
  }
}

/** Pure: the check's own diagnostics, else the learner-file frames in its output, one per line. */
export function checkDiagnostics(result: CheckResult, learnerFiles: readonly string[]): Diagnostic[] {
  if (result.run.diagnostics.length > 0) return result.run.diagnostics;
  if (result.status === 'pass') return [];
  const failing = result.tests.find((test) => test.status !== 'pass');
  const message = failing?.message ?? result.message ?? 'A test failed here.';
  const text = [result.run.stdout, result.run.stderr, ...result.tests.map((test) => test.output ?? '')].join('\n');
  const seen = new Set<string>();
  const found: Diagnostic[] = [];
  for (const match of fileLineFrames(text)) {
    const file = learnerFiles.find((path) => match.file === path || match.file.endsWith(`/${path}`));
    if (!file) continue;
    const key = `${file}:${match.line}`;
    if (seen.has(key)) continue;
    seen.add(key);
    found.push({ file, line: match.line, ...(match.column !== undefined ? { column: match.column } : {}), message });
    if (found.length === MAX_DIAGNOSTICS) break;
  }
  return found;
}
