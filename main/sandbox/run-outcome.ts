// Turns what a run did (exit code, what stopped it, its stderr) into the outcome a learner
// reads and the editor markers the workspace shows. Pure.
import type { Diagnostic, RunOutcome, SandboxLanguage } from '../../preload/contract/sandbox';

/** What ended the run, as the driver saw it. */
export type RunEnd =
  | { kind: 'exited'; exitCode: number | null; signal?: string | null }
  | { kind: 'timeout' }
  | { kind: 'output-limit' }
  | { kind: 'stopped' }
  | { kind: 'sandbox-error'; detail: string };

export interface Classified {
  outcome: RunOutcome;
  exitCode: number | null;
  message: string;
}

const SIGKILL_EXIT = 137;
const SIGXFSZ_EXIT = 153;

/**
 * Stderr is read from its last 64 KiB only: what it is parsed for (a traceback, the out-of-memory
 * line) is printed last, and the bound keeps parsing a few milliseconds whatever a program prints.
 */
export const parsedTailChars = 64 * 1024;
export const parsedTail = (text: string) => (text.length <= parsedTailChars ? text : text.slice(text.length - parsedTailChars));

/** A marker's message is one error line; a program may make it as long as it likes. */
const MESSAGE_CHARS = 500;
const cutMessage = (text: string) => (text.length <= MESSAGE_CHARS ? text : `${text.slice(0, MESSAGE_CHARS)}…`);

function memoryExhausted(language: SandboxLanguage, stderr: string): boolean {
  const tail = parsedTail(stderr);
  if (language === 'python') return /^MemoryError\b/m.test(tail);
  return /JavaScript heap out of memory|Reached heap limit|RangeError: Array buffer allocation failed/.test(tail);
}

export function classifyRun(language: SandboxLanguage, end: RunEnd, stderr: string, limits: { timeoutMs: number; memoryBytes: number }): Classified {
  const seconds = limits.timeoutMs / 1000;
  const mib = Math.round(limits.memoryBytes / (1024 * 1024));
  switch (end.kind) {
    case 'timeout':
      return {
        outcome: 'timeout',
        exitCode: null,
        message: `Your program was stopped after ${seconds} s. Look for a loop that never ends or a wait that is too long.`,
      };
    case 'output-limit':
      return {
        outcome: 'output-limit',
        exitCode: null,
        message: 'Your program printed too much, so it was stopped and the output cut. Print less, or print inside fewer loop turns.',
      };
    case 'stopped':
      return { outcome: 'stopped', exitCode: null, message: 'You stopped the run.' };
    case 'sandbox-error':
      return { outcome: 'sandbox-error', exitCode: null, message: end.detail };
    case 'exited': {
      const code = end.exitCode;
      if (memoryExhausted(language, stderr) || code === SIGKILL_EXIT || end.signal === 'SIGKILL') {
        return {
          outcome: 'memory',
          exitCode: code,
          message: `Your program used more than ${mib} MiB of memory and was stopped. Look for a list or string that keeps growing.`,
        };
      }
      if (code === 0) return { outcome: 'finished', exitCode: 0, message: 'Your program finished.' };
      if (code === SIGXFSZ_EXIT || end.signal === 'SIGXFSZ') {
        return { outcome: 'failed', exitCode: code, message: 'Your program tried to write a file larger than the sandbox allows.' };
      }
      return {
        outcome: 'failed',
        exitCode: code,
        message: `Your program stopped with an error (exit code ${code ?? end.signal ?? 'unknown'}). The first marker in the editor shows where.`,
      };
    }
  }
}

/** Only frames in the learner's files count: paths under the work dir, never the runtime's own. */
function relativeToWork(file: string, workDir: string): string | null {
  let path = file.replace(/^file:\/\//, '');
  const prefix = workDir.endsWith('/') ? workDir : `${workDir}/`;
  if (!path.startsWith(prefix)) return null;
  path = path.slice(prefix.length);
  if (path.startsWith('.drona/') || path.includes('node_modules/')) return null;
  return path;
}

const isSpaceOrParenOrColon = (char: string) => char === '(' || char === ')' || char === ':' || /\s/.test(char);
const isDigits = (text: string) => text.length > 0 && /^\d+$/.test(text);

/**
 * The location a V8 stack frame ends with, "(/work/main.js:3:9)" or "file:///work/main.js:3:9":
 * what /\(?((?:file:\/\/)?\/[^\s():]+):(\d+):(\d+)\)?$/ matches, found by scanning instead, since
 * that regex backtracks quadratically over a long run of "/" (stderr is the learner's to fill).
 */
export function stackFrameLocation(frame: string): { path: string; line: number; column: number } | null {
  const end = frame.endsWith(')') ? frame.length - 1 : frame.length;
  const columnColon = frame.lastIndexOf(':', end - 1);
  const lineColon = columnColon > 0 ? frame.lastIndexOf(':', columnColon - 1) : -1;
  if (lineColon < 0) return null;
  const column = frame.slice(columnColon + 1, end);
  const line = frame.slice(lineColon + 1, columnColon);
  if (!isDigits(column) || !isDigits(line)) return null;
  let start = lineColon;
  while (start > 0 && !isSpaceOrParenOrColon(frame[start - 1]!)) start -= 1;
  const slash = frame.indexOf('/', start);
  // "/" and at least one more character.
  if (slash < 0 || slash >= lineColon - 1) return null;
  const withScheme = slash === start && start >= 5 && lineColon - start >= 4 && frame.startsWith('///', start) && frame.slice(start - 5, start) === 'file:';
  return { path: frame.slice(withScheme ? start - 5 : slash, lineColon), line: Number(line), column: Number(column) };
}

/** The last line that names the error, e.g. "NameError: name 'x' is not defined". */
function errorLine(lines: string[], from: number, pattern: RegExp): string | null {
  for (let i = from; i < lines.length; i += 1) {
    const match = pattern.exec(lines[i]!.trim());
    if (match) return lines[i]!.trim();
  }
  return null;
}

function pythonDiagnostics(stderr: string, workDir: string): Diagnostic[] {
  const lines = stderr.split('\n');
  // The innermost frame in the learner's code is the one to mark.
  let found: { file: string; line: number; index: number } | null = null;
  lines.forEach((text, index) => {
    const match = /^\s*File "([^"]+)", line (\d+)/.exec(text);
    if (!match) return;
    const file = relativeToWork(match[1]!, workDir);
    if (file) found = { file, line: Number(match[2]), index };
  });
  if (!found) return [];
  const frame = found as { file: string; line: number; index: number };
  const message = errorLine(lines, frame.index + 1, /^([A-Za-z_][\w.]*(Error|Exception|Exit|Interrupt|Warning)|KeyboardInterrupt|StopIteration)\b/) ?? 'Error';
  let column: number | undefined;
  for (let i = frame.index + 1; i < Math.min(lines.length, frame.index + 5); i += 1) {
    const caret = /^(\s*)\^/.exec(lines[i]!);
    // The caret sits under the error in the echoed source line, which Python indents; the
    // learner's own indentation is stripped from the echo, so the column is within the statement.
    if (caret && lines[i - 1] !== undefined) {
      const indent = /^\s*/.exec(lines[i - 1]!)![0].length;
      column = Math.max(1, caret[1]!.length - indent + 1);
      break;
    }
  }
  return [{ file: frame.file, line: frame.line, ...(column ? { column } : {}), message: cutMessage(message) }];
}

function javascriptDiagnostics(stderr: string, firstLine: string, workDir: string): Diagnostic[] {
  const lines = stderr.split('\n');
  const message = cutMessage(errorLine(lines, 0, /^(\w*Error|Error)(\s*\[\w+\])?:/) ?? lines.find((l) => /^\w*Error\b/.test(l.trim()))?.trim() ?? 'Error');
  for (const text of lines) {
    if (!/^\s*at\s/.test(text)) continue;
    const frame = stackFrameLocation(text.trim());
    const file = frame && relativeToWork(frame.path, workDir);
    if (file) return [{ file, line: frame.line, column: frame.column, message }];
  }
  // A syntax error has no stack in the learner's code: it starts with "path:line" alone on a line.
  const head = /^(\/\S+|file:\/\/\S+):(\d+)$/.exec(firstLine.trim());
  if (head) {
    const file = relativeToWork(head[1]!, workDir);
    if (file) return [{ file, line: Number(head[2]), message }];
  }
  return [];
}

/** Longer than any path a frame can name (PATH_MAX), so a longer first line is no "path:line". */
const FIRST_LINE_CHARS = 4096 + 32;

/** Editor markers from a failed run's stderr: the error's file, line, column and message. */
export function diagnosticsFrom(language: SandboxLanguage, stderr: string, workDir: string): Diagnostic[] {
  if (language === 'python') return pythonDiagnostics(parsedTail(stderr), workDir);
  // Node prints a syntax error's "path:line" first, before anything the program could print.
  const newline = stderr.indexOf('\n');
  const firstLine = stderr.slice(0, Math.min(newline < 0 ? stderr.length : newline, FIRST_LINE_CHARS));
  return javascriptDiagnostics(parsedTail(stderr), firstLine, workDir);
}
