// Python formatting and live diagnostics for the editor, from Ruff compiled to WebAssembly:
// Monaco has neither for Python. Loaded on first use (about 10 MB of WebAssembly), in-process:
// a learner's file takes a few milliseconds to check.
import { createRequire } from 'node:module';
import type { PythonDiagnostic, PythonFormatResult } from '../../preload/contract/language';

type RuffModule = typeof import('@astral-sh/ruff-wasm-nodejs');
type RuffWorkspace = InstanceType<RuffModule['Workspace']>;

/** What Ruff's `check` returns for one finding (the fields we use). */
export interface RuffDiagnostic {
  readonly code: string | null;
  readonly message: string;
  readonly tags: readonly string[];
  readonly start_location: { readonly row: number; readonly column: number };
  readonly end_location: { readonly row: number; readonly column: number };
}

// Syntax errors and Pyflakes (undefined names, unused imports and variables, …): what a learner
// needs while typing, without style nags.
const RUFF_SETTINGS = { 'line-length': 88, lint: { select: ['E9', 'F'] } };

// Findings that stop the program when it runs are errors; the rest are warnings.
const errorCodes = new Set(['invalid-syntax', 'F821', 'F822', 'F823', 'F706', 'F704', 'F701', 'F702']);

/** Ruff's findings as editor diagnostics: 1-based lines and UTF-16 columns, end exclusive. */
export function toPythonDiagnostics(found: readonly RuffDiagnostic[]): PythonDiagnostic[] {
  return found.map((item) => {
    const code = item.code ?? 'invalid-syntax';
    return {
      line: item.start_location.row,
      column: item.start_location.column,
      endLine: item.end_location.row,
      endColumn: item.end_location.column,
      severity: errorCodes.has(code) ? 'error' : 'warning',
      code,
      message: code === 'invalid-syntax' ? `Syntax error: ${item.message}` : item.message,
      unnecessary: item.tags.includes('unnecessary'),
    };
  });
}

export class PythonLanguageService {
  private workspace: RuffWorkspace | null = null;

  private ruff(): RuffWorkspace {
    if (!this.workspace) {
      // Required at run time, not bundled: the package reads its .wasm file beside itself.
      const ruff = createRequire(import.meta.url)('@astral-sh/ruff-wasm-nodejs') as RuffModule;
      this.workspace = new ruff.Workspace(RUFF_SETTINGS, ruff.PositionEncoding.Utf16);
    }
    return this.workspace;
  }

  diagnose(text: string): PythonDiagnostic[] {
    return toPythonDiagnostics(this.ruff().check(text) as RuffDiagnostic[]);
  }

  /** Black-compatible formatting; code that does not parse is left alone, with the first syntax error. */
  format(text: string): PythonFormatResult {
    try {
      return { ok: true, text: this.ruff().format(text) };
    } catch (error) {
      const syntax = this.diagnose(text).find((item) => item.code === 'invalid-syntax');
      if (!syntax) throw error;
      return {
        ok: false,
        line: syntax.line,
        column: syntax.column,
        message: `Fix the syntax error on line ${syntax.line} first: ${syntax.message.replace(/^Syntax error: /, '')}`,
      };
    }
  }

  close(): void {
    this.workspace?.free();
    this.workspace = null;
  }
}
