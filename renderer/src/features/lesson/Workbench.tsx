// The IDE half of a lesson: file tree, tabs with dirty markers, the editor, Run/Check, and
// the results of the last Check (per test) below.
import { FolderTree, History, Play, RotateCcw, Save, Square, CheckCircle2, XCircle } from 'lucide-react';
import { memo, useCallback, useMemo, useState } from 'react';
import { Group, Panel, Separator } from 'react-resizable-panels';
import { useAppStore } from '../../app/app-store';
import { useResolvedTheme } from '../../app/use-theme';
import { client } from '../../platform/client';
import { ConfirmDialog } from '../../platform/ConfirmDialog';
import { LazyCodeEditor } from '../editor/LazyCodeEditor';
import { languageOf } from '../editor/language';
import { formatShortcut } from '../palette/command-registry';
import { FileTree } from './FileTree';
import { HistoryDialog } from './HistoryDialog';
import { failuresFirst, humanTestName, learnerPaths } from './result-text';
import { sendableFiles, useRunStore } from './run-store';
import {
  VisualizeButton,
  VisualizePanel,
  VisualizeTestButton,
  useVisualizedLine,
  useVisualizerOpen,
  type VisualizeTarget,
} from '../visualize/LessonVisualizer';
import { isDirty, useWorkspaceStore } from './workspace-store';
import { messageOf } from '../../../../preload/contract';

export interface WorkbenchProps {
  readonly language: 'python' | 'javascript';
  readonly entry: string;
  onRun(): void;
  onCheck(): void;
}

function report(error: unknown) {
  useAppStore.getState().appendOutput({ level: 'error', source: 'workspace', message: messageOf(error) });
}

/** The open files as tabs; with one file the toolbar names it, and the tabs take no room. */
function EditorTabs() {
  const tabs = useWorkspaceStore((state) => state.tabs);
  const many = useWorkspaceStore((state) => state.files.length > 1);
  const active = useWorkspaceStore((state) => state.active);
  const buffers = useWorkspaceStore((state) => state.buffers);
  const onDisk = useWorkspaceStore((state) => state.onDisk);
  const saveError = useWorkspaceStore((state) => (state.active ? state.saveErrors[state.active] : undefined));
  const { openTab, closeTab } = useWorkspaceStore.getState();
  return (
    <>
      {(many || tabs.length > 1) && (
        <div className="editor-tabs" role="toolbar" aria-label="Open files">
          {tabs.map((path) => {
            const dirty = isDirty({ buffers, onDisk }, path);
            return (
              <div key={path} className={`editor-tab${path === active ? ' active' : ''}`}>
                <button aria-pressed={path === active} className="editor-tab-button" onClick={() => openTab(path)}>
                  {path}
                  {dirty && (
                    <span className="dirty-dot" aria-label="unsaved changes">
                      ●
                    </span>
                  )}
                </button>
                <button className="icon-button" aria-label={`Close ${path}`} onClick={() => closeTab(path)}>
                  ×
                </button>
              </div>
            );
          })}
        </div>
      )}
      {saveError && (
        <p className="form-error save-error" role="alert">
          {saveError}
        </p>
      )}
    </>
  );
}

/** One home for results: the tests in plain words, the first failure first; the raw log one click away. */
function Results({ target }: { target: VisualizeTarget }) {
  const lastCheck = useRunStore((state) => state.lastCheck);
  const lastRun = useRunStore((state) => state.lastRun);
  const log = useRunStore((state) => state.log);
  const kind = useRunStore((state) => state.kind);
  const files = useWorkspaceStore((state) => state.files);
  const names = files.map((file) => file.path);
  const shown = (text: string) => learnerPaths(text, names);
  const raw = log.length > 0 ? log.map((line) => line.text).join('') : lastCheck ? `${lastCheck.run.stdout}${lastCheck.run.stderr}` : '';
  const passed = lastCheck?.tests.filter((test) => test.status === 'pass').length ?? 0;
  return (
    <section className="results" aria-label="Results">
      {kind && (
        <p role="status" className="muted">
          {kind === 'check' ? 'Checking…' : 'Running…'}
        </p>
      )}
      {lastCheck && (
        <div className="test-results">
          <h3 className={lastCheck.status === 'pass' ? 'check-pass' : 'check-fail'}>
            {lastCheck.status === 'pass' ? `All ${lastCheck.tests.length} tests pass` : `${passed} of ${lastCheck.tests.length} tests pass`}
          </h3>
          {lastCheck.message && <pre className="test-message">{shown(lastCheck.message)}</pre>}
          <ul className="test-list" aria-label="Tests">
            {failuresFirst(lastCheck.tests).map((test) => (
              <li key={test.name} className={`test-item test-${test.status}`} title={test.name}>
                {test.status === 'pass' ? <CheckCircle2 size={14} aria-hidden="true" /> : <XCircle size={14} aria-hidden="true" />}
                <span className="test-name">{humanTestName(test.name)}</span>
                <span className="visually-hidden">{test.status === 'pass' ? 'passed' : 'failed'}</span>
                {test.status !== 'pass' && <VisualizeTestButton target={target} test={test.name} label={humanTestName(test.name)} />}
                {test.message && <pre className="test-message">{shown(test.message)}</pre>}
              </li>
            ))}
          </ul>
          {raw && (
            <details className="raw-log">
              <summary>Full test log</summary>
              <pre className="run-log">{shown(raw)}</pre>
            </details>
          )}
        </div>
      )}
      {!lastCheck && (log.length > 0 || lastRun) && (
        <pre className="run-log" aria-label="Program output" tabIndex={0}>
          {log.map((line, index) => (
            <span key={index} className={line.stream === 'stderr' ? 'output-error' : undefined}>
              {shown(line.text)}
            </span>
          ))}
          {lastRun && log.length === 0 && shown(lastRun.stdout || lastRun.stderr)}
        </pre>
      )}
      {!kind && !lastCheck && !lastRun && (
        <p className="muted">
          Run ({formatShortcut('Mod+Enter')}) shows your program's output here; Check ({formatShortcut('Mod+Shift+Enter')}) runs the tests.
        </p>
      )}
    </section>
  );
}

/**
 * Run, Check, Visualize and Stop: the only part of the toolbar a Run or Check changes, so its start
 * and its result draw these buttons again, not the editor and panels around them.
 */
const RunActions = memo(function RunActions({ entry, target, onRun, onCheck }: Omit<WorkbenchProps, 'language'> & { readonly target: VisualizeTarget }) {
  const kind = useRunStore((state) => state.kind);
  return (
    <>
      <button className="button" onClick={onRun} disabled={!!kind} aria-keyshortcuts="Control+Enter" title={`Run ${entry} (${formatShortcut('Mod+Enter')})`}>
        <Play size={14} aria-hidden="true" /> Run
      </button>
      <button
        className="button primary"
        onClick={onCheck}
        disabled={!!kind}
        aria-keyshortcuts="Control+Shift+Enter"
        title={`Check (${formatShortcut('Mod+Shift+Enter')})`}
      >
        <CheckCircle2 size={14} aria-hidden="true" /> Check
      </button>
      <VisualizeButton target={target} disabled={!!kind} />
      {kind && (
        <button className="button" onClick={() => void useRunStore.getState().stop()}>
          <Square size={14} aria-hidden="true" /> Stop
        </button>
      )}
    </>
  );
});

/** Drawn again when its own state changes, not with the lesson canvas around it. */
export const Workbench = memo(function Workbench({ language, entry, onRun, onCheck }: WorkbenchProps) {
  const ref = useWorkspaceStore((state) => state.ref);
  const files = useWorkspaceStore((state) => state.files);
  const active = useWorkspaceStore((state) => state.active);
  const text = useWorkspaceStore((state) => (state.active ? state.buffers[state.active] : undefined));
  const diagnostics = useRunStore((state) => state.diagnostics);
  const settings = useAppStore((state) => state.settings!);
  const theme = useResolvedTheme(settings.theme);
  const [historyOpen, setHistoryOpen] = useState(false);
  // The tree earns its room when there is more than one file; else it is one click away.
  const [filesAsked, setFilesAsked] = useState(false);
  const showFiles = filesAsked || files.length > 1;
  const file = files.find((entry) => entry.path === active);
  const markers = useMemo(
    () =>
      diagnostics
        .filter((diagnostic) => diagnostic.file === active || diagnostic.file.endsWith(`/${active}`))
        .map(({ line, column, message }) => ({ line, column, message })),
    [diagnostics, active],
  );
  const { save } = useWorkspaceStore.getState();
  const target = useMemo<VisualizeTarget>(() => ({ language, entry, files: sendableFiles, ref }), [language, entry, ref]);
  // The same handlers while the same file is open, so the editor is not drawn again for them.
  // (The editor shows `active`'s file.)
  const onChange = useCallback((value: string) => active !== null && useWorkspaceStore.getState().edit(active, value), [active]);
  const saveFile = useCallback(() => active !== null && void useWorkspaceStore.getState().save(active), [active]);
  const visualizing = useVisualizerOpen();
  const visualizedLine = useVisualizedLine(file?.path ?? null);

  const [resetAsked, setResetAsked] = useState(false);
  const resetToStarter = async () => {
    setResetAsked(false);
    if (!ref) return;
    try {
      await useWorkspaceStore.getState().saveAll();
      useWorkspaceStore.getState().reload((await client().call('workspace.reset', ref)).files);
    } catch (error) {
      report(error);
    }
  };

  return (
    <div className="workbench-ide">
      <div className="ide-toolbar" role="toolbar" aria-label="Code actions">
        <RunActions entry={entry} target={target} onRun={onRun} onCheck={onCheck} />
        <span className="status-spacer" />
        {!showFiles && active && <span className="ide-file-name">{active}</span>}
        <button
          className="icon-button"
          aria-label="Files"
          aria-pressed={showFiles}
          disabled={files.length > 1}
          title={files.length > 1 ? 'This lesson has several files' : 'Show the lesson’s files'}
          onClick={() => setFilesAsked((shown) => !shown)}
        >
          <FolderTree size={15} aria-hidden="true" />
        </button>
        <button className="icon-button" aria-label="Save" title={`Save (${formatShortcut('Mod+S')})`} onClick={() => void save()}>
          <Save size={15} aria-hidden="true" />
        </button>
        <button className="icon-button" aria-label="History" title="History of this file" disabled={!active} onClick={() => setHistoryOpen(true)}>
          <History size={15} aria-hidden="true" />
        </button>
        <button className="icon-button" aria-label="Reset to starter" title="Reset to starter" onClick={() => setResetAsked(true)}>
          <RotateCcw size={15} aria-hidden="true" />
        </button>
      </div>
      <Group orientation="horizontal" className="ide-split">
        {showFiles && (
          <>
            <Panel id="files" defaultSize="22%" minSize="12%">
              <FileTree />
            </Panel>
            <Separator className="sash sash-vertical" aria-label="Resize file list" />
          </>
        )}
        <Panel id="code" minSize="40%">
          <Group orientation="vertical">
            <Panel id="editor" defaultSize="74%" minSize="25%">
              <div className="editor-area">
                <EditorTabs />
                <div className="editor-host">
                  {ref && file && text !== undefined ? (
                    <LazyCodeEditor
                      modelPath={`${ref.courseId}/${ref.lessonId}/${file.path}`}
                      value={text}
                      language={languageOf(file.path) === 'plaintext' && file.path === entry ? language : languageOf(file.path)}
                      readOnly={file.role !== 'editable'}
                      fontSize={settings.editorFontSize}
                      theme={theme}
                      markers={markers}
                      highlightLine={visualizedLine}
                      label={`Editor: ${file.path}`}
                      onChange={onChange}
                      onBlur={saveFile}
                      onSave={saveFile}
                      onRun={onRun}
                      onCheck={onCheck}
                    />
                  ) : (
                    <p className="muted panel-pad">Open a file from the list.</p>
                  )}
                </div>
              </div>
            </Panel>
            <Separator className="sash sash-horizontal" aria-label="Resize results" />
            <Panel id="results" minSize="12%">
              <Results target={target} />
            </Panel>
          </Group>
        </Panel>
        {visualizing && (
          <>
            <Separator className="sash sash-vertical" aria-label="Resize the visualizer" />
            <Panel id="visualize" defaultSize="45%" minSize="25%">
              <VisualizePanel />
            </Panel>
          </>
        )}
      </Group>
      {historyOpen && active && <HistoryDialog path={active} onClose={() => setHistoryOpen(false)} />}
      {resetAsked && (
        <ConfirmDialog title="Reset to the starter code?" confirmLabel="Reset" onConfirm={() => void resetToStarter()} onCancel={() => setResetAsked(false)}>
          <p>Every file goes back as the lesson started. Your current text is kept in History, so you can restore it.</p>
        </ConfirmDialog>
      )}
    </div>
  );
});
