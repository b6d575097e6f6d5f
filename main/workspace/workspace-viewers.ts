// Which windows have which lesson workspace open, and the watchers that report the edits made
// outside the editor (the terminal, another editor) to those windows.
import { WorkspaceWatcher } from './workspace-watcher';

export type ExternalChangeListener = (change: { courseId: string; lessonId: string; path: string; content: string | null }) => void;

/** What watching needs from the workspace service. */
export interface WatchedWorkspaces {
  /** The lesson folder's real path, made when missing. */
  folderOf(courseId: string, lessonId: string): string;
  /** The files as listed now, so the watcher does not report them as changed. */
  filesOf(courseId: string, lessonId: string): { path: string; content: string }[];
  /** An external edit is kept in the file's history. */
  recordExternal(courseId: string, lessonId: string, relative: string, content: string): void;
}

export class WorkspaceViewers {
  private readonly watchers = new Map<string, WorkspaceWatcher>();
  private readonly listeners = new Set<ExternalChangeListener>();
  /** Which windows have which workspace open: external edits go to those windows only. */
  private readonly viewers = new Map<string, Set<string>>();

  constructor(private readonly workspaces: WatchedWorkspaces) {}

  /** External edits of a watched workspace reach these listeners (one per app: the handlers route by window). */
  onExternalChange(listener: ExternalChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  watcherFor(courseId: string, lessonId: string): WorkspaceWatcher | undefined {
    return this.watchers.get(`${courseId}/${lessonId}`);
  }

  /** Starts watching a workspace (once, however many windows have it open); resolves when the watcher is ready. */
  async watch(courseId: string, lessonId: string): Promise<void> {
    const key = `${courseId}/${lessonId}`;
    if (this.watchers.has(key)) return;
    const root = this.workspaces.folderOf(courseId, lessonId);
    const watcher = new WorkspaceWatcher(root, (relative, content) => {
      if (content !== null) this.workspaces.recordExternal(courseId, lessonId, relative, content);
      for (const listener of this.listeners) listener({ courseId, lessonId, path: relative, content });
    });
    this.watchers.set(key, watcher);
    watcher.remember(this.workspaces.filesOf(courseId, lessonId));
    await watcher.start();
  }

  async unwatch(courseId: string, lessonId: string): Promise<void> {
    const key = `${courseId}/${lessonId}`;
    const watcher = this.watchers.get(key);
    this.watchers.delete(key);
    await watcher?.close();
  }

  /** A window opened a workspace: watch it and send that window its external edits. */
  async view(sessionId: string, courseId: string, lessonId: string): Promise<void> {
    const key = `${courseId}/${lessonId}`;
    const sessions = this.viewers.get(key) ?? new Set<string>();
    sessions.add(sessionId);
    this.viewers.set(key, sessions);
    await this.watch(courseId, lessonId);
  }

  async leave(sessionId: string, courseId: string, lessonId: string): Promise<void> {
    const key = `${courseId}/${lessonId}`;
    const sessions = this.viewers.get(key);
    sessions?.delete(sessionId);
    if (sessions && sessions.size === 0) {
      this.viewers.delete(key);
      await this.unwatch(courseId, lessonId);
    }
  }

  viewersOf(courseId: string, lessonId: string): string[] {
    return [...(this.viewers.get(`${courseId}/${lessonId}`) ?? [])];
  }

  /** A window closed: it no longer views anything. */
  async endSession(sessionId: string): Promise<void> {
    for (const key of [...this.viewers.keys()]) {
      const [courseId, lessonId] = key.split('/') as [string, string];
      if (this.viewers.get(key)?.has(sessionId)) await this.leave(sessionId, courseId, lessonId);
    }
  }

  async close(): Promise<void> {
    this.viewers.clear();
    const all = [...this.watchers.values()];
    this.watchers.clear();
    await Promise.all(all.map((watcher) => watcher.close()));
  }
}
