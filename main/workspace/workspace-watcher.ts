// Watches one workspace folder for edits made outside the editor (the terminal, another
// editor). Our own writes are remembered by digest so they are not reported back as external.
import fs from 'node:fs';
import path from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import { workspaceLimits, workspacePathProblem } from '../../preload/contract/workspace-limits';
import { digestOf, O_NOFOLLOW } from './workspace-fs';

const IGNORED = /(^|[/\\])(node_modules|__pycache__|\.pytest_cache|\.git|\.venv)([/\\]|$)|\.drona-tmp-/;

export class WorkspaceWatcher {
  private readonly known = new Map<string, string>();
  private watcher: FSWatcher | null = null;

  constructor(
    private readonly root: string,
    private readonly onChange: (relative: string, content: string | null) => void,
  ) {}

  /** Text the app itself wrote or read: a change to exactly this is not external. */
  remember(files: readonly { path: string; content: string }[]): void {
    for (const file of files) this.known.set(file.path, digestOf(file.content));
  }

  forget(relative: string): void {
    this.known.delete(relative);
  }

  async start(): Promise<void> {
    fs.mkdirSync(this.root, { recursive: true });
    const watcher = watch(this.root, {
      ignoreInitial: true,
      ignored: (file) => IGNORED.test(file),
      // A link made in the terminal (to ~/.ssh, say) is not the learner's work: never read through one.
      followSymlinks: false,
      // Editors and shells write in bursts; wait until the file stops changing.
      awaitWriteFinish: { stabilityThreshold: 60, pollInterval: 20 },
    });
    this.watcher = watcher;
    watcher.on('add', (file) => this.changed(file));
    watcher.on('change', (file) => this.changed(file));
    watcher.on('unlink', (file) => this.removed(file));
    await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  }

  private relative(file: string): string {
    return path.relative(this.root, file).split(path.sep).join('/');
  }

  private changed(file: string): void {
    const relative = this.relative(file);
    if (workspacePathProblem(relative)) return;
    let content: string;
    try {
      // O_NOFOLLOW: chokidar reports a link as a file; its target is not read.
      const fd = fs.openSync(file, fs.constants.O_RDONLY | O_NOFOLLOW);
      try {
        const stat = fs.fstatSync(fd);
        if (!stat.isFile() || stat.size > workspaceLimits.maxFileBytes) return;
        content = fs.readFileSync(fd, 'utf8');
      } finally {
        fs.closeSync(fd);
      }
    } catch {
      return; // gone again already (the unlink event follows), or a link
    }
    if (content.includes('\0')) return;
    const digest = digestOf(content);
    if (this.known.get(relative) === digest) return;
    this.known.set(relative, digest);
    this.onChange(relative, content);
  }

  private removed(file: string): void {
    const relative = this.relative(file);
    if (!this.known.has(relative)) return; // our own delete or rename: already forgotten
    this.known.delete(relative);
    this.onChange(relative, null);
  }

  async close(): Promise<void> {
    await this.watcher?.close();
    this.watcher = null;
  }
}
