// One terminal's screen: xterm.js with fit (resize follows the panel) and clickable links.
// Loaded lazily with the terminal panel's first tab. Flow control: every chunk written to the
// screen is acknowledged to main, which pauses the pty while too much is unacknowledged.
import { FitAddon } from '@xterm/addon-fit';
import { WebLinksAddon } from '@xterm/addon-web-links';
import { Terminal } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import { useEffect, useRef } from 'react';
import { client } from '../../platform/client';
import { isMac } from '../palette/command-registry';
import { terminalKeyAction } from './terminal-keys';
import { useTerminalStore } from './terminal-store';

interface Screen {
  readonly terminal: Terminal;
  readonly fit: FitAddon;
  readonly host: HTMLDivElement;
  opened: boolean;
}

const screens = new Map<string, Screen>();
const ACK_BATCH = 16_384;
let pendingAcks = new Map<string, number>();
let ackTimer: ReturnType<typeof setTimeout> | null = null;

function flushAcks() {
  ackTimer = null;
  const batch = pendingAcks;
  pendingAcks = new Map();
  for (const [id, chars] of batch)
    void client()
      .call('terminal.ack', { id, chars })
      // Refused only once the session has ended (terminal.exit shows it): nothing is left to release.
      .catch(() => {});
}

function acknowledge(id: string, chars: number) {
  const total = (pendingAcks.get(id) ?? 0) + chars;
  pendingAcks.set(id, total);
  if (total >= ACK_BATCH) flushAcks();
  else ackTimer ??= setTimeout(flushAcks, 30);
}

let subscribed = false;
function subscribe() {
  if (subscribed) return;
  subscribed = true;
  client().on('terminal.data', ({ id, data }) => {
    const screen = screens.get(id);
    if (!screen) return;
    screen.terminal.write(data, () => acknowledge(id, data.length));
  });
  client().on('terminal.exit', ({ id, exitCode }) => {
    screens.get(id)?.terminal.write(`\r\n\x1b[2m[process exited with code ${exitCode}; close this tab or open a new one]\x1b[0m\r\n`);
    useTerminalStore.getState().markExited(id);
  });
}

function screenFor(id: string, theme: 'dark' | 'light', fontSize: number): Screen {
  const existing = screens.get(id);
  if (existing) return existing;
  const terminal = new Terminal({
    cursorBlink: true,
    fontSize,
    fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace',
    scrollback: 5000,
    screenReaderMode: false,
    theme:
      theme === 'dark'
        ? { background: '#1e1e1e', foreground: '#d4d4d4' }
        : { background: '#ffffff', foreground: '#1e1e1e', cursor: '#1e1e1e', selectionBackground: '#add6ff' },
  });
  const fit = new FitAddon();
  terminal.loadAddon(fit);
  terminal.loadAddon(
    new WebLinksAddon((event, uri) => {
      event.preventDefault();
      window.open(uri, '_blank', 'noopener,noreferrer');
    }),
  );
  terminal.onData(
    (data) =>
      void client()
        .call('terminal.write', { id, data })
        // Refused only once the session has ended, which terminal.exit already shows in the tab.
        .catch(() => {}),
  );
  terminal.onResize(
    ({ cols, rows }) =>
      void client()
        .call('terminal.resize', { id, cols, rows })
        // An ended session has no size to keep; terminal.exit already shows it ended.
        .catch(() => {}),
  );
  // Copy, paste, the way out and the app's panel shortcuts: terminal-keys decides.
  terminal.attachCustomKeyEventHandler((event) => {
    if (event.type !== 'keydown') return true;
    const action = terminalKeyAction(event, {
      mac: isMac(),
      alternateScreen: terminal.buffer.active.type === 'alternate',
      hasSelection: terminal.hasSelection(),
    });
    if (action === 'copy') void navigator.clipboard?.writeText(terminal.getSelection());
    else if (action === 'paste') void navigator.clipboard?.readText().then((text) => terminal.paste(text));
    else if (action === 'leave') {
      event.preventDefault();
      event.stopPropagation();
      leaveTerminal();
    }
    // 'app': xterm leaves the key alone, so it reaches the app's shortcuts on the window.
    return action === 'shell';
  });
  const host = document.createElement('div');
  host.className = 'xterm-host';
  const screen: Screen = { terminal, fit, host, opened: false };
  screens.set(id, screen);
  return screen;
}

/** Focus goes to the Terminal tab: from there Tab and Shift+Tab move on, Enter or a click come back. */
function leaveTerminal() {
  document.querySelector<HTMLElement>('.bottom-panel [role="tab"][data-state="active"]')?.focus();
}

export function disposeScreen(id: string): void {
  screens.get(id)?.terminal.dispose();
  screens.delete(id);
}

export default function XtermView({ id, theme, fontSize, label }: { id: string; theme: 'dark' | 'light'; fontSize: number; label: string }) {
  const container = useRef<HTMLDivElement>(null);

  useEffect(() => {
    subscribe();
    const screen = screenFor(id, theme, fontSize);
    const element = container.current!;
    element.appendChild(screen.host);
    if (!screen.opened) {
      screen.terminal.open(screen.host);
      screen.opened = true;
      screen.terminal.textarea?.setAttribute('aria-label', label);
      screen.terminal.textarea?.setAttribute('aria-describedby', 'terminal-note');
    }
    const refit = () => {
      if (element.clientWidth > 0 && element.clientHeight > 0) screen.fit.fit();
    };
    refit();
    screen.terminal.focus();
    const observer = new ResizeObserver(refit);
    observer.observe(element);
    return () => {
      observer.disconnect();
      screen.host.remove();
    };
  }, [id, theme, fontSize, label]);

  useEffect(() => {
    const screen = screens.get(id);
    if (!screen) return;
    screen.terminal.options.fontSize = fontSize;
    screen.terminal.options.theme =
      theme === 'dark'
        ? { background: '#1e1e1e', foreground: '#d4d4d4' }
        : { background: '#ffffff', foreground: '#1e1e1e', cursor: '#1e1e1e', selectionBackground: '#add6ff' };
  }, [id, theme, fontSize]);

  return <div ref={container} className="xterm-container" data-terminal-id={id} />;
}
