import { Plus, X } from 'lucide-react';
import { lazy, Suspense, useEffect, useRef } from 'react';
import { useAppStore } from '../../app/app-store';
import { useResolvedTheme } from '../../app/use-theme';
import { formatShortcut } from '../palette/command-registry';
import { useTerminalStore } from './terminal-store';
import './terminal.css';

// xterm.js loads with the first terminal, not with the shell.
const XtermView = lazy(() => import('./XtermView'));

/** A first guess at the size; the fit addon corrects it as soon as the screen is measured. */
const INITIAL_SIZE = { cols: 100, rows: 24 };

export function TerminalPanel() {
  const { tabs, active, creating, create, close, select } = useTerminalStore();
  const settings = useAppStore((state) => state.settings!);
  const theme = useResolvedTheme(settings.theme);
  const started = useRef(false);

  // Opening the Terminal tab for the first time starts a shell, as VS Code does.
  useEffect(() => {
    if (started.current || useTerminalStore.getState().tabs.length > 0) return;
    started.current = true;
    void create(INITIAL_SIZE);
  }, [create]);

  const closeTab = (id: string) => {
    void close(id);
    void import('./XtermView').then((module) => module.disposeScreen(id));
  };

  return (
    <div className="terminal-panel">
      <div className="terminal-tabs" role="toolbar" aria-label="Terminals">
        {tabs.map((tab, index) => (
          <div key={tab.id} className={`terminal-tab${tab.id === active ? ' active' : ''}`}>
            <button aria-pressed={tab.id === active} className="terminal-tab-button" onClick={() => select(tab.id)} title={tab.cwd}>
              {tab.title}
              {tab.exited ? ' (exited)' : ''}
            </button>
            <button className="icon-button" aria-label={`Close terminal ${index + 1}`} onClick={() => closeTab(tab.id)}>
              <X size={12} aria-hidden="true" />
            </button>
          </div>
        ))}
        <button className="icon-button" aria-label="New terminal" disabled={creating} onClick={() => void create(INITIAL_SIZE)}>
          <Plus size={14} aria-hidden="true" />
        </button>
        <span id="terminal-note" className="muted terminal-note">
          Runs on this computer, not in the sandbox (Run and Check use the sandbox). {formatShortcut('Escape')} or {formatShortcut('Mod+`')} leaves it.
        </span>
      </div>
      <div className="terminal-screen" role="region" aria-label="Terminal screen">
        {active ? (
          <Suspense fallback={<p className="muted panel-pad">Starting the terminal…</p>}>
            <XtermView key={active} id={active} theme={theme} fontSize={Math.max(11, settings.editorFontSize - 1)} label="Terminal input" />
          </Suspense>
        ) : (
          <p className="muted panel-pad">{creating ? 'Starting a shell…' : 'No terminal is open. Press + to open one in the lesson folder.'}</p>
        )}
      </div>
    </div>
  );
}
