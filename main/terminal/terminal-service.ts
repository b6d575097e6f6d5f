// Terminals: one node-pty shell per tab, owned by the window (session) that opened it.
// Flow control: output the renderer has not yet written to the screen is counted; past a
// high watermark the pty is paused, below a low one it resumes, so a flood (`yes`) cannot
// swamp the socket or freeze the UI.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import * as pty from 'node-pty';
import { DronaError } from '../../preload/contract/errors';
import { promptEnv } from './terminal-prompt';

export const HIGH_WATERMARK = 100_000;
export const LOW_WATERMARK = 10_000;

export interface TerminalSink {
  data(sessionId: string, id: string, data: string): void;
  exit(sessionId: string, id: string, exitCode: number): void;
}

interface Terminal {
  readonly id: string;
  readonly sessionId: string;
  readonly process: pty.IPty;
  unacknowledged: number;
  paused: boolean;
  exited: boolean;
}

/** The user's shell (SHELL, or COMSPEC on Windows, from the app's config) when it exists, else a common one. */
export function defaultShell(preferred: string | null): { file: string; args: string[] } {
  if (process.platform === 'win32') return { file: preferred ?? 'powershell.exe', args: [] };
  const candidates = [preferred, '/bin/bash', '/bin/zsh', '/bin/sh'];
  return { file: candidates.find((file): file is string => !!file && fs.existsSync(file)) ?? '/bin/sh', args: [] };
}

/** Which shell a terminal runs and the environment it starts with (the app's config). */
export interface TerminalEnvironment {
  readonly shell: () => { file: string; args: string[] };
  readonly env: Readonly<Record<string, string>>;
}

export class TerminalService {
  private readonly terminals = new Map<string, Terminal>();

  constructor(
    private readonly sink: TerminalSink,
    private readonly environment: TerminalEnvironment,
    /** The folder a terminal for this lesson (or for none) starts in; the composition root knows the workspaces. */
    private readonly folderFor: (courseId?: string, lessonId?: string) => string = () => os.homedir(),
  ) {}

  /** A terminal in the lesson's workspace when it has one, else in the folder that holds every workspace. */
  open(
    sessionId: string,
    options: { courseId?: string | undefined; lessonId?: string | undefined; cols: number; rows: number },
  ): { id: string; shell: string; cwd: string } {
    const cwd = this.folderFor(options.courseId, options.lessonId);
    return { ...this.create(sessionId, { cwd, cols: options.cols, rows: options.rows }), cwd };
  }

  create(sessionId: string, options: { cwd: string; cols: number; rows: number }): { id: string; shell: string } {
    const { file, args } = this.environment.shell();
    const cwd = fs.existsSync(options.cwd) ? options.cwd : os.homedir();
    const child = pty.spawn(file, args, {
      name: 'xterm-256color',
      cols: options.cols,
      rows: options.rows,
      cwd,
      env: { ...this.environment.env, ...promptEnv(file), TERM: 'xterm-256color', COLORTERM: 'truecolor' },
    });
    const terminal: Terminal = { id: randomUUID(), sessionId, process: child, unacknowledged: 0, paused: false, exited: false };
    this.terminals.set(terminal.id, terminal);
    child.onData((data) => {
      if (terminal.exited) return; // closed: what was still in flight has no screen to go to
      terminal.unacknowledged += data.length;
      if (!terminal.paused && terminal.unacknowledged > HIGH_WATERMARK) {
        terminal.paused = true;
        child.pause();
      }
      this.sink.data(sessionId, terminal.id, data);
    });
    child.onExit(({ exitCode }) => {
      terminal.exited = true;
      this.terminals.delete(terminal.id);
      this.sink.exit(sessionId, terminal.id, exitCode);
    });
    return { id: terminal.id, shell: file };
  }

  /** The terminal if this session owns it; another session's id is refused like an unknown one. */
  private owned(sessionId: string, id: string): Terminal {
    const terminal = this.terminals.get(id);
    if (!terminal || terminal.sessionId !== sessionId) {
      throw new DronaError('not_found', 'That terminal is not open in this window; open a new terminal tab.');
    }
    return terminal;
  }

  write(sessionId: string, id: string, data: string): void {
    this.owned(sessionId, id).process.write(data);
  }

  resize(sessionId: string, id: string, cols: number, rows: number): void {
    const terminal = this.owned(sessionId, id);
    if (!terminal.exited) terminal.process.resize(cols, rows);
  }

  acknowledge(sessionId: string, id: string, chars: number): void {
    const terminal = this.owned(sessionId, id);
    terminal.unacknowledged = Math.max(0, terminal.unacknowledged - chars);
    if (terminal.paused && terminal.unacknowledged < LOW_WATERMARK) {
      terminal.paused = false;
      terminal.process.resume();
    }
  }

  /** Flow-control state, for tests and diagnostics. */
  state(sessionId: string, id: string): { unacknowledged: number; paused: boolean; pid: number } {
    const terminal = this.owned(sessionId, id);
    return { unacknowledged: terminal.unacknowledged, paused: terminal.paused, pid: terminal.process.pid };
  }

  kill(sessionId: string, id: string): void {
    const terminal = this.owned(sessionId, id);
    this.terminals.delete(id);
    this.stop(terminal);
  }

  /** A window closed: its terminals go with it. */
  endSession(sessionId: string): void {
    for (const terminal of [...this.terminals.values()]) {
      if (terminal.sessionId === sessionId) {
        this.terminals.delete(terminal.id);
        this.stop(terminal);
      }
    }
  }

  closeAll(): void {
    for (const terminal of [...this.terminals.values()]) this.stop(terminal);
    this.terminals.clear();
  }

  count(): number {
    return this.terminals.size;
  }

  private stop(terminal: Terminal): void {
    if (terminal.exited) return;
    terminal.exited = true;
    try {
      if (terminal.paused) terminal.process.resume();
      terminal.process.kill();
    } catch {
      // Already gone.
    }
  }
}
