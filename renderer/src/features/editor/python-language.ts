// Python in the editor beyond highlighting: Format Document (Shift+Alt+F) and problems marked
// as you type, both from main's Ruff service. Monaco ships neither for Python.
import * as monaco from 'monaco-editor';
import type { PythonDiagnostic } from '../../../../preload/contract/language';
import { client } from '../../platform/client';

const MARKER_OWNER = 'python-diagnostics';
// Long enough not to check on every keystroke of a word, short enough to feel live.
const DIAGNOSE_DELAY_MS = 350;

export function pythonMarkers(diagnostics: readonly PythonDiagnostic[]): monaco.editor.IMarkerData[] {
  return diagnostics.map((item) => ({
    severity: item.severity === 'error' ? monaco.MarkerSeverity.Error : monaco.MarkerSeverity.Warning,
    message: item.message,
    code: item.code,
    source: 'Ruff',
    startLineNumber: item.line,
    startColumn: item.column,
    endLineNumber: item.endLine,
    // An empty range (end of file) still needs one column to be seen.
    endColumn: item.endLine === item.line && item.endColumn <= item.column ? item.column + 1 : item.endColumn,
    ...(item.unnecessary ? { tags: [monaco.MarkerTag.Unnecessary] } : {}),
  }));
}

/** Shows a short message at the cursor, as Monaco does for edits to a read-only file. */
function showEditorMessage(model: monaco.editor.ITextModel, message: string): void {
  const editor = monaco.editor.getEditors().find((candidate) => candidate.getModel() === model);
  const position = editor?.getPosition();
  const controller = editor?.getContribution('editor.contrib.messageController') as
    { showMessage?(text: string, at: monaco.IPosition): void } | null | undefined;
  if (position && controller?.showMessage) controller.showMessage(message, position);
}

let formattingRegistered = false;

/** Once per page: Monaco's providers are global, and one serves every Python model. */
export function registerPythonFormatting(): void {
  if (formattingRegistered) return;
  formattingRegistered = true;
  monaco.languages.registerDocumentFormattingEditProvider('python', {
    displayName: 'Ruff',
    async provideDocumentFormattingEdits(model) {
      const versionAsked = model.getVersionId();
      const result = await client().call('language.formatPython', { text: model.getValue() });
      if (model.isDisposed() || model.getVersionId() !== versionAsked) return [];
      if (!result.ok) {
        showEditorMessage(model, result.message);
        return [];
      }
      return result.text === model.getValue() ? [] : [{ range: model.getFullModelRange(), text: result.text }];
    },
  });
}

/**
 * Keeps an editor's Python model marked with Ruff's findings: now, and again a moment after each
 * change. A reply that arrives after a newer edit is dropped.
 */
export function watchPythonDiagnostics(editor: monaco.editor.IStandaloneCodeEditor): monaco.IDisposable {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const diagnose = async () => {
    const model = editor.getModel();
    if (!model || model.getLanguageId() !== 'python') return;
    const version = model.getVersionId();
    try {
      const { diagnostics } = await client().call('language.diagnosePython', { text: model.getValue() });
      if (!model.isDisposed() && model.getVersionId() === version) monaco.editor.setModelMarkers(model, MARKER_OWNER, pythonMarkers(diagnostics));
    } catch {
      // Live checking is a help, not a duty: a failed check leaves the last markers; Run and Check still report.
    }
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void diagnose(), DIAGNOSE_DELAY_MS);
  };
  const subscriptions = [editor.onDidChangeModelContent(schedule), editor.onDidChangeModel(() => void diagnose())];
  void diagnose();
  return {
    dispose() {
      clearTimeout(timer);
      for (const subscription of subscriptions) subscription.dispose();
    },
  };
}
