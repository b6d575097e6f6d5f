// Where a failing Check points into the learner's files. The sandbox's diagnostics cover
// tracebacks of a Run; a Check's failures arrive as pytest / node:test reports, whose frames
// ("main.py:2: in make_greeting", "at …/main.js:3:9") name the learner's line.
import type { CheckResult, Diagnostic } from '../../../../preload/contract/sandbox';

const frame = /(?:^|[\s("/])([\w./-]+\.(?:py|js|mjs)):(\d+)(?::(\d+))?/gm;

/** Pure: the check's own diagnostics, else the learner-file frames in its output, one per line. */
export function checkDiagnostics(result: CheckResult, learnerFiles: readonly string[]): Diagnostic[] {
  if (result.run.diagnostics.length > 0) return result.run.diagnostics;
  if (result.status === 'pass') return [];
  const failing = result.tests.find((test) => test.status !== 'pass');
  const message = failing?.message ?? result.message ?? 'A test failed here.';
  const text = [result.run.stdout, result.run.stderr, ...result.tests.map((test) => test.output ?? '')].join('\n');
  const seen = new Set<string>();
  const found: Diagnostic[] = [];
  for (const match of text.matchAll(frame)) {
    const file = learnerFiles.find((path) => match[1] === path || match[1]!.endsWith(`/${path}`));
    if (!file) continue;
    const key = `${file}:${match[2]}`;
    if (seen.has(key)) continue;
    seen.add(key);
    found.push({ file, line: Number(match[2]), ...(match[3] ? { column: Number(match[3]) } : {}), message });
  }
  return found;
}
