// The open lesson's workspace in the renderer: files, tabs, the editor's text, and autosave.
// Every edit reaches main within DRAFT_DELAY_MS as a durable draft (so a crash loses at most
// that much); explicit saves, blur, Run/Check and leaving the lesson also record a snapshot.
import { create } from 'zustand';
import type { WorkspaceFile, WriteReason } from '../../../../preload/contract/workspace';
import { useAppStore } from '../../app/app-store';
import { client } from '../../platform/client';
import { messageOf } from '../../../../preload/contract';

export const DRAFT_DELAY_MS = 400;

export interface LessonRef {
  readonly courseId: string;
  readonly lessonId: string;
}

interface WorkspaceState {
  ref: LessonRef | null;
  root: string | null;
  files: WorkspaceFile[];
  /** The editor's text per file (what the learner sees). */
  buffers: Record<string, string>;
  /** What main has on disk per file (drafts included). */
  onDisk: Record<string, string>;
  /** Why the last write of a file failed (a full disk, say), until one succeeds: never shown as saved. */
  saveErrors: Record<string, string>;
  tabs: string[];
  active: string | null;
  loading: boolean;
  error: string | null;
  open(ref: LessonRef): Promise<void>;
  leave(): Promise<void>;
  edit(path: string, text: string): void;
  /** Writes a file and snapshots it when changed; `reason` says what saved it (History shows it). */
  save(path?: string, reason?: WriteReason): Promise<void>;
  saveAll(reason?: WriteReason): Promise<void>;
  openTab(path: string): void;
  closeTab(path: string): void;
  applyExternal(path: string, content: string | null): void;
  replaceFile(file: WorkspaceFile): void;
  removeFile(path: string): void;
  reload(files: WorkspaceFile[]): void;
}

const timers = new Map<string, ReturnType<typeof setTimeout>>();
const withoutKey = (record: Record<string, string>, key: string) => Object.fromEntries(Object.entries(record).filter(([name]) => name !== key));
const sameRef = (a: LessonRef | null, b: LessonRef | null) => a?.courseId === b?.courseId && a?.lessonId === b?.lessonId;

function reportError(error: unknown) {
  useAppStore.getState().appendOutput({ level: 'error', source: 'workspace', message: messageOf(error) });
}

export const useWorkspaceStore = create<WorkspaceState>((set, get) => {
  /**
   * The text this store last saved with a snapshot, per file: main then had it on disk and as the
   * file's latest snapshot, so saving it again would change nothing. Forgotten when the files
   * come from elsewhere (opening, a reset, an outside edit), which may record snapshots of their own.
   */
  const snapshotted = new Map<string, string>();
  const write = async (path: string, snapshot: boolean, reason: WriteReason = 'save') => {
    const { ref, buffers, files } = get();
    const text = buffers[path];
    const file = files.find((entry) => entry.path === path);
    if (!ref || text === undefined || !file || file.role !== 'editable') return;
    const timer = timers.get(path);
    if (timer) clearTimeout(timer);
    timers.delete(path);
    // Run and Check save every file first; mostly nothing changed since the last of them.
    if (get().onDisk[path] === text && (!snapshot || snapshotted.get(path) === text)) return;
    try {
      await client().call('workspace.write', { ...ref, path, content: text, snapshot, reason });
      if (!sameRef(get().ref, ref)) return;
      if (snapshot) snapshotted.set(path, text);
      set((state) => ({ onDisk: { ...state.onDisk, [path]: text }, saveErrors: withoutKey(state.saveErrors, path) }));
    } catch (error) {
      reportError(error);
      if (sameRef(get().ref, ref)) set((state) => ({ saveErrors: { ...state.saveErrors, [path]: messageOf(error) } }));
    }
  };

  return {
    ref: null,
    root: null,
    files: [],
    buffers: {},
    onDisk: {},
    saveErrors: {},
    tabs: [],
    active: null,
    loading: false,
    error: null,

    async open(ref) {
      if (sameRef(get().ref, ref) && !get().error) return;
      await get().leave();
      snapshotted.clear();
      set({ ref, loading: true, error: null, files: [], buffers: {}, onDisk: {}, saveErrors: {}, tabs: [], active: null, root: null });
      try {
        const workspace = await client().call('workspace.open', ref);
        if (!sameRef(get().ref, ref)) return;
        get().reload(workspace.files);
        set({ root: workspace.root, loading: false });
      } catch (error) {
        set({ loading: false, error: messageOf(error) });
      }
    },

    async leave() {
      const { ref } = get();
      if (!ref) return;
      await get().saveAll();
      set({ ref: null });
      try {
        await client().call('workspace.close', ref);
      } catch {
        // The connection may be gone (app closing): nothing is lost, drafts are on disk.
      }
    },

    edit(path, text) {
      set((state) => ({ buffers: { ...state.buffers, [path]: text } }));
      const timer = timers.get(path);
      if (timer) clearTimeout(timer);
      timers.set(
        path,
        setTimeout(() => void write(path, false), DRAFT_DELAY_MS),
      );
    },

    save: (path, reason) => {
      const target = path ?? get().active;
      return target ? write(target, true, reason) : Promise.resolve();
    },

    async saveAll(reason) {
      await Promise.all(
        get()
          .files.filter((file) => file.role === 'editable')
          .map((file) => write(file.path, true, reason)),
      );
    },

    openTab(path) {
      set((state) => ({ tabs: state.tabs.includes(path) ? state.tabs : [...state.tabs, path], active: path }));
    },

    closeTab(path) {
      void write(path, true);
      set((state) => {
        const index = state.tabs.indexOf(path);
        const tabs = state.tabs.filter((tab) => tab !== path);
        const active = state.active === path ? (tabs[Math.min(index, tabs.length - 1)] ?? null) : state.active;
        return { tabs, active };
      });
    },

    applyExternal(path, content) {
      if (content === null) {
        get().removeFile(path);
        return;
      }
      const existing = get().files.find((file) => file.path === path);
      get().replaceFile({ path, content, role: existing?.role ?? 'editable' });
    },

    replaceFile(file) {
      snapshotted.delete(file.path);
      set((state) => ({
        files: state.files.some((entry) => entry.path === file.path)
          ? state.files.map((entry) => (entry.path === file.path ? file : entry))
          : [...state.files, file],
        buffers: { ...state.buffers, [file.path]: file.content },
        onDisk: { ...state.onDisk, [file.path]: file.content },
      }));
    },

    removeFile(path) {
      snapshotted.delete(path);
      const timer = timers.get(path);
      if (timer) clearTimeout(timer);
      timers.delete(path);
      set((state) => {
        const buffers = { ...state.buffers };
        delete buffers[path];
        const tabs = state.tabs.filter((tab) => tab !== path);
        return {
          files: state.files.filter((file) => file.path !== path),
          buffers,
          tabs,
          active: state.active === path ? (tabs[0] ?? null) : state.active,
        };
      });
    },

    reload(files) {
      snapshotted.clear();
      const buffers = Object.fromEntries(files.map((file) => [file.path, file.content]));
      const visible = files.filter((file) => file.role !== 'hidden');
      const first = visible.find((file) => file.role === 'editable') ?? visible[0];
      set((state) => {
        const tabs = state.tabs.filter((tab) => buffers[tab] !== undefined);
        if (first && tabs.length === 0) tabs.push(first.path);
        const active = state.active && buffers[state.active] !== undefined ? state.active : (tabs[0] ?? null);
        return { files, buffers, onDisk: { ...buffers }, tabs, active };
      });
    },
  };
});

export const isDirty = (state: Pick<WorkspaceState, 'buffers' | 'onDisk'>, path: string) => state.buffers[path] !== state.onDisk[path];

/** Wires external edits and quitting to the store; called once by the shell's lesson canvas. */
export function connectWorkspaceEvents(): () => void {
  const off = client().on('workspace.changed', (change) => {
    const { ref, applyExternal } = useWorkspaceStore.getState();
    if (ref && ref.courseId === change.courseId && ref.lessonId === change.lessonId) applyExternal(change.path, change.content);
  });
  const onQuit = () => void useWorkspaceStore.getState().saveAll();
  const onHidden = () => {
    if (document.visibilityState === 'hidden') onQuit();
  };
  window.addEventListener('beforeunload', onQuit);
  document.addEventListener('visibilitychange', onHidden);
  return () => {
    off();
    window.removeEventListener('beforeunload', onQuit);
    document.removeEventListener('visibilitychange', onHidden);
  };
}
