// Language services main gives the editor where Monaco has none: Python formatting and live
// Python diagnostics (Ruff).
import { z } from 'zod';
import { call } from './define';

// A learner's file, not a data set: larger text is refused rather than checked on every keystroke.
const pythonText = z.object({ text: z.string().max(512 * 1024) });

export const pythonDiagnosticSchema = z.object({
  /** 1-based; columns count UTF-16 code units, as Monaco does; the end is exclusive. */
  line: z.number().int(),
  column: z.number().int(),
  endLine: z.number().int(),
  endColumn: z.number().int(),
  severity: z.enum(['error', 'warning']),
  /** Ruff's rule code (F821, …) or "invalid-syntax". */
  code: z.string(),
  message: z.string(),
  /** Code that does nothing (an unused import or variable): the editor fades it. */
  unnecessary: z.boolean(),
});
export type PythonDiagnostic = z.infer<typeof pythonDiagnosticSchema>;

export const pythonFormatResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), text: z.string() }),
  z.object({ ok: z.literal(false), line: z.number().int(), column: z.number().int(), message: z.string() }),
]);
export type PythonFormatResult = z.infer<typeof pythonFormatResultSchema>;

export const languageCalls = {
  'language.diagnosePython': call(pythonText, z.object({ diagnostics: z.array(pythonDiagnosticSchema) })),
  'language.formatPython': call(pythonText, pythonFormatResultSchema),
};
