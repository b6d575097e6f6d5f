// The lesson's files: open, create and rename in place (as in VS Code's explorer), delete to a
// trash that gives files back. Names are typed into the tree, not a window.prompt: Electron does
// not implement prompt(). The files are one tree (one Tab stop, arrow keys); F2 renames and
// Delete deletes the focused file, and the head's buttons do the same to the open one.
import { ArchiveRestore, FilePlus, Lock, Pencil, Trash2, Undo2 } from 'lucide-react';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useAppStore } from '../../app/app-store';
import { client } from '../../platform/client';
import { useRovingTree } from '../../platform/tree/use-roving-tree';
import { useWorkspaceStore } from './workspace-store';
import { messageOf } from '../../../../preload/contract';
import './file-tree.css';

type Editing = { readonly kind: 'create' } | { readonly kind: 'rename'; readonly from: string };

function report(error: unknown) {
  useAppStore.getState().appendOutput({ level: 'error', source: 'workspace', message: messageOf(error) });
}

/** Main's message without the contract's prefix: the learner typed a name, not a call. */
const nameProblem = (error: unknown) => messageOf(error).replace(/^The input of [\w.]+ is not valid: (path|to): /, '');

/** Selects the name without its extension, so typing replaces "main" and keeps ".py". */
function selectStem(input: HTMLInputElement | null) {
  if (!input) return;
  const base = input.value.lastIndexOf('/') + 1;
  const dot = input.value.lastIndexOf('.');
  input.setSelectionRange(base, dot > base ? dot : input.value.length);
}

function NameInput(props: { label: string; initial: string; error: string | null; onCommit(name: string): void; onCancel(): void }) {
  const [value, setValue] = useState(props.initial);
  // Enter or Escape already settled it: the blur that follows (the box going away) must not commit again.
  const settled = useRef(false);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    input.current?.focus();
    selectStem(input.current);
  }, []);
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      settled.current = true;
      props.onCommit(value.trim());
    } else if (event.key === 'Escape') {
      event.preventDefault();
      settled.current = true;
      props.onCancel();
    }
  };
  const onBlur = () => {
    if (settled.current) return;
    if (value.trim() && value.trim() !== props.initial) props.onCommit(value.trim());
    else props.onCancel();
  };
  return (
    <div className="file-name-edit">
      <input
        className="file-name-input"
        aria-label={props.label}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={props.error ? 'file-name-problem' : undefined}
        value={value}
        placeholder="name.py or folder/name.py"
        spellCheck={false}
        ref={input}
        onChange={(event) => {
          settled.current = false;
          setValue(event.target.value);
        }}
        onKeyDown={onKeyDown}
        onBlur={onBlur}
      />
      {props.error && (
        <p id="file-name-problem" className="file-name-problem" role="alert">
          {props.error}
        </p>
      )}
    </div>
  );
}

export function FileTree() {
  const ref = useWorkspaceStore((state) => state.ref);
  const files = useWorkspaceStore((state) => state.files);
  const active = useWorkspaceStore((state) => state.active);
  const { openTab, replaceFile, removeFile } = useWorkspaceStore.getState();
  const [trash, setTrash] = useState<{ id: string; path: string; deletedAt: number }[] | null>(null);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const visible = useMemo(() => files.filter((file) => file.role !== 'hidden'), [files]);
  const entries = useMemo(() => visible.map((file) => ({ id: file.path, parent: null })), [visible]);
  const tree = useRovingTree({ entries, current: active, onActivate: openTab });
  const activeEditable = visible.some((file) => file.path === active && file.role === 'editable');

  const startEditing = (next: Editing | null) => {
    setProblem(null);
    setEditing(next);
  };
  const commit = async (name: string) => {
    if (!ref || !editing) return;
    if (!name) return startEditing(null);
    try {
      const file =
        editing.kind === 'create'
          ? await client().call('workspace.createFile', { ...ref, path: name })
          : await client().call('workspace.rename', { ...ref, from: editing.from, to: name });
      if (editing.kind === 'rename') removeFile(editing.from);
      replaceFile(file);
      openTab(file.path);
      startEditing(null);
    } catch (error) {
      // The name stays in the box with what is wrong with it, so nothing typed is lost.
      setProblem(nameProblem(error));
    }
  };
  const remove = async (path: string) => {
    if (!ref) return;
    try {
      await useWorkspaceStore.getState().save(path);
      await client().call('workspace.delete', { ...ref, path });
      removeFile(path);
      useAppStore.getState().appendOutput({ level: 'info', source: 'workspace', message: `${path} moved to the trash; restore it from "Trash".` });
      if (trash) setTrash(await client().call('workspace.trash', ref));
    } catch (error) {
      report(error);
    }
  };
  const showTrash = async () => {
    if (!ref) return;
    setTrash(trash ? null : await client().call('workspace.trash', ref));
  };
  const restore = async (id: string) => {
    if (!ref) return;
    try {
      const file = await client().call('workspace.restoreTrash', { ...ref, id });
      replaceFile(file);
      openTab(file.path);
      setTrash(await client().call('workspace.trash', ref));
    } catch (error) {
      report(error);
    }
  };
  // F2 renames and Delete deletes the focused file, as in VS Code's explorer.
  const onFileKey = (event: KeyboardEvent<HTMLElement>, path: string, editable: boolean) => {
    if (!editable) return;
    if (event.key === 'F2') {
      event.preventDefault();
      startEditing({ kind: 'rename', from: path });
    } else if (event.key === 'Delete') {
      event.preventDefault();
      void remove(path);
    }
  };
  const nameInput = (label: string, initial: string) => (
    <NameInput label={label} initial={initial} error={problem} onCommit={(name) => void commit(name)} onCancel={() => startEditing(null)} />
  );

  return (
    <nav className="file-tree" aria-label="Files">
      <div className="file-tree-head">
        <span className="file-tree-title">Files</span>
        <button className="icon-button" aria-label="New file" title="New file" onClick={() => startEditing({ kind: 'create' })}>
          <FilePlus size={14} aria-hidden="true" />
        </button>
        {active && (
          <>
            <button
              className="icon-button"
              aria-label={`Rename ${active}`}
              title="Rename (F2)"
              disabled={!activeEditable}
              onClick={() => startEditing({ kind: 'rename', from: active })}
            >
              <Pencil size={14} aria-hidden="true" />
            </button>
            <button className="icon-button" aria-label={`Delete ${active}`} title="Delete (Del)" disabled={!activeEditable} onClick={() => void remove(active)}>
              <Trash2 size={14} aria-hidden="true" />
            </button>
          </>
        )}
        <button className="icon-button" aria-label="Trash" title="Deleted files" aria-pressed={trash !== null} onClick={() => void showTrash()}>
          <ArchiveRestore size={14} aria-hidden="true" />
        </button>
      </div>
      {editing?.kind === 'create' && nameInput('New file name', '')}
      {editing?.kind === 'rename' && nameInput(`New name for ${editing.from}`, editing.from)}
      <ul className="file-list" role="tree" aria-label="Lesson files">
        {visible.map((file) => {
          const item = tree.item(file.path);
          return (
            <li
              key={file.path}
              {...item}
              className={`file-row tree-item${file.path === active ? ' active' : ''}`}
              aria-current={file.path === active ? 'true' : undefined}
              aria-keyshortcuts={file.role === 'editable' ? 'F2 Delete' : undefined}
              onKeyDown={(event) => {
                item.onKeyDown(event);
                onFileKey(event, file.path, file.role === 'editable');
              }}
            >
              <span className="file-open tree-row">
                {file.path}
                {file.role === 'readOnly' && <Lock size={11} aria-label="read-only" className="file-lock" />}
              </span>
            </li>
          );
        })}
      </ul>
      {trash && (
        <section aria-label="Trash" className="trash">
          <h3 className="file-tree-title">Trash</h3>
          {trash.length === 0 && <p className="muted">Nothing deleted.</p>}
          <ul className="file-list">
            {trash.map((entry) => (
              <li key={entry.id} className="file-row">
                <span className="file-open muted">{entry.path}</span>
                <button className="icon-button" aria-label={`Restore ${entry.path}`} onClick={() => void restore(entry.id)}>
                  <Undo2 size={12} aria-hidden="true" />
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </nav>
  );
}
