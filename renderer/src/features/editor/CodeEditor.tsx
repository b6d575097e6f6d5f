// The Monaco editor, bundled with the app and loaded lazily (see LazyCodeEditor): this module
// and everything it imports stay out of the initial bundle.
import Editor, { loader, type OnMount } from '@monaco-editor/react';
import * as monaco from 'monaco-editor';
import { TabFocus } from 'monaco-editor/editor/browser/config/tabFocus.js';
import { memo, useCallback, useEffect, useMemo, useRef } from 'react';
import './monaco-environment';
import { monacoProps, type MonacoViewLook } from './monaco-props';
import { registerPythonFormatting, watchPythonDiagnostics } from './python-language';
import { useTabKey } from './tab-key';

loader.config({ monaco });
registerPythonFormatting();
// Format Document on Shift+Alt+F on every platform, as courses and tutorials say; Linux's own
// Ctrl+Shift+I stays too.
monaco.editor.addKeybindingRule({
  keybinding: monaco.KeyMod.Shift | monaco.KeyMod.Alt | monaco.KeyCode.KeyF,
  command: 'editor.action.formatDocument',
  when: 'editorTextFocus && !editorReadonly',
});

export interface EditorMarker {
  readonly line: number;
  readonly column?: number;
  readonly message: string;
}

export interface CodeEditorProps extends MonacoViewLook {
  /** A stable model path, e.g. "course/lesson/main.py": one model per file keeps undo history per tab. */
  readonly modelPath: string;
  readonly value: string;
  readonly readOnly: boolean;
  readonly markers: readonly EditorMarker[];
  /** A line to mark as the current one (the visualiser's step), or none. */
  readonly highlightLine?: number | null;
  onChange(value: string): void;
  onBlur(): void;
  onSave(): void;
  onRun(): void;
  onCheck(): void;
}

function CodeEditor(props: CodeEditorProps) {
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  // Keyboard commands call the latest handlers without re-registering them.
  const handlers = useRef(props);
  useEffect(() => {
    handlers.current = props;
  });

  // Monaco keeps editor actions in its global command registry until they are disposed, and
  // disposing the editor does not do it: without this, every closed editor (and its DOM) stayed
  // alive, found with a heap snapshot while switching lessons.
  const registrations = useRef<monaco.IDisposable[]>([]);

  const onMount: OnMount = (editor) => {
    editorRef.current = editor;
    const action = (id: string, label: string, keybinding: number, run: () => void) =>
      registrations.current.push(editor.addAction({ id, label, keybindings: [keybinding], run }));
    action('drona.save', 'Save', monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyS, () => handlers.current.onSave());
    action('drona.run', 'Run', monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => handlers.current.onRun());
    action('drona.check', 'Check', monaco.KeyMod.CtrlCmd | monaco.KeyMod.Shift | monaco.KeyCode.Enter, () => handlers.current.onCheck());
    registrations.current.push(editor.onDidBlurEditorText(() => handlers.current.onBlur()));
    // What Tab does here, for the status bar: Monaco keeps Tab for indenting until Ctrl+M.
    const tabKey = (editorFocused: boolean) => useTabKey.setState({ editorFocused, tabMovesFocus: TabFocus.getTabFocusMode() });
    registrations.current.push(
      editor.onDidFocusEditorText(() => tabKey(true)),
      editor.onDidBlurEditorText(() => tabKey(false)),
      TabFocus.onDidChangeTabFocus(() => tabKey(editor.hasTextFocus())),
    );
    registrations.current.push(watchPythonDiagnostics(editor));
    document.dispatchEvent(new CustomEvent('drona:editor-ready'));
  };

  // One editor at a time: when it goes (another lesson opens), its registrations and its files'
  // models go too, so switching lessons does not pile up editors, models and language-service state.
  useEffect(
    () => () => {
      for (const registration of registrations.current.splice(0)) registration.dispose();
      useTabKey.setState({ editorFocused: false });
      editorRef.current = null;
      for (const model of monaco.editor.getModels()) model.dispose();
    },
    [],
  );

  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (!model) return;
    monaco.editor.setModelMarkers(
      model,
      'drona',
      props.markers.map((marker) => ({
        severity: monaco.MarkerSeverity.Error,
        message: marker.message,
        startLineNumber: marker.line,
        startColumn: marker.column ?? 1,
        endLineNumber: marker.line,
        endColumn: marker.column ? marker.column + 1 : model.getLineMaxColumn(Math.min(Math.max(marker.line, 1), model.getLineCount())),
      })),
    );
  }, [props.markers, props.modelPath, props.value]);

  // The visualiser's current line: marked, and scrolled into view when it is off screen.
  const highlight = useRef<monaco.editor.IEditorDecorationsCollection | null>(null);
  useEffect(() => {
    const editor = editorRef.current;
    if (!editor) return;
    highlight.current ??= editor.createDecorationsCollection();
    const line = props.highlightLine;
    if (!line) return highlight.current.clear();
    highlight.current.set([
      {
        range: new monaco.Range(line, 1, line, 1),
        options: { isWholeLine: true, className: 'visualized-line', linesDecorationsClassName: 'visualized-line-gutter' },
      },
    ]);
    editor.revealLineInCenterIfOutsideViewport(line);
  }, [props.highlightLine, props.modelPath]);

  // Made again only when what they say changes: a new options object makes Monaco's wrapper call
  // updateOptions (and lay the editor out again) on every render, e.g. twice per Run or Check.
  const { readOnly, language, theme, fontSize, label } = props;
  const look = useMemo(
    () =>
      monacoProps({ language, theme, fontSize, label }, 'Loading the editor…', {
        readOnly,
        readOnlyMessage: { value: 'This file is part of the exercise and cannot be changed.' },
        // The line after a final newline is a real line the learner can type on: its number reads
        // like the others (Monaco's dimmed number fails WCAG contrast in the light theme).
        renderFinalNewline: 'on',
        tabSize: language === 'python' ? 4 : 2,
        matchBrackets: 'always',
        bracketPairColorization: { enabled: true },
        fixedOverflowWidgets: true,
      }),
    [readOnly, language, theme, fontSize, label],
  );
  const onChange = useCallback((value: string | undefined) => handlers.current.onChange(value ?? ''), []);

  return <Editor {...look} path={props.modelPath} value={props.value} onMount={onMount} onChange={onChange} />;
}

/** Drawn again only when its props change (the Workbench redraws as a Run or Check starts and ends). */
export default memo(CodeEditor);
