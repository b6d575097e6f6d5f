import { Command as CommandIcon, Moon, Sun } from 'lucide-react';
import { useMemo, useState } from 'react';
import { Group, Panel, Separator, usePanelRef } from 'react-resizable-panels';
import { useAppStore } from '../../app/app-store';
import { useResolvedTheme } from '../../app/use-theme';
import { Hud } from '../hud/Hud';
import { DigestNotice } from '../progress/DigestNotice';
import { CommandPalette } from '../palette/CommandPalette';
import { formatShortcut, useGlobalShortcuts, useRegisterCommands, type AppCommand } from '../palette/command-registry';
import { SandboxStatus } from '../sandbox/SandboxStatus';
import { TabKeyStatus } from '../editor/TabKeyStatus';
import { UpdateStatusItem } from '../update/UpdateStatusItem';
import { activities } from './activities';
import { Brand, OrganisationStatusItem } from '../organisation/OrganisationParts';
import { useLockedBy } from '../organisation/organisation-store';
import { BottomPanel } from './BottomPanel';
import { Loading } from '../../platform/Loading';
import { openPanel, openSide, useViewLayout } from './use-view-layout';
import { SIDE_MIN_PX } from './view-layout';

/** The bottom panel folded: its tab strip stays, so a tab is one click from opening it again. */
const BOTTOM_COLLAPSED_PX = 31;

function togglePanel(panel: ReturnType<typeof usePanelRef>['current'], open = openPanel) {
  if (!panel) return;
  if (panel.isCollapsed()) open(panel);
  else panel.collapse();
}

export function Shell() {
  const settings = useAppStore((state) => state.settings!);
  const connection = useAppStore((state) => state.connection);
  const status = useAppStore((state) => state.status);
  const { updateLayout, updateSettings, setPaletteOpen } = useAppStore.getState();
  const resolvedTheme = useResolvedTheme(settings.theme);
  const themeLockedBy = useLockedBy('theme');
  const sideRef = usePanelRef();
  const bottomRef = usePanelRef();
  const activity = activities.find((entry) => entry.id === settings.layout.activity) ?? activities[0]!;
  const [bottomCollapsed, setBottomCollapsed] = useState(false);
  const [sideCollapsed, setSideCollapsed] = useState(false);
  const { onVerticalChanged, onHorizontalChanged } = useViewLayout(sideRef, bottomRef);

  const commands = useMemo<AppCommand[]>(() => {
    const showTab = (bottomTab: 'tutor' | 'terminal' | 'output') => {
      openPanel(bottomRef.current);
      void useAppStore.getState().updateLayout({ bottomTab });
    };
    const toggleTheme = () => {
      const { settings: current } = useAppStore.getState();
      const shown = current?.theme === 'system' ? (window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light') : current?.theme;
      void useAppStore.getState().updateSettings({ theme: shown === 'dark' ? 'light' : 'dark' });
    };
    return [
      { id: 'palette.open', title: 'Show all commands', category: 'View', shortcut: 'Mod+Shift+P', run: () => useAppStore.getState().setPaletteOpen(true) },
      { id: 'view.toggleTheme', title: 'Toggle dark/light theme', category: 'View', shortcut: 'Mod+K', run: toggleTheme },
      { id: 'view.toggleSide', title: 'Toggle side panel', category: 'View', shortcut: 'Mod+B', run: () => togglePanel(sideRef.current, openSide) },
      { id: 'view.toggleBottom', title: 'Toggle bottom panel', category: 'View', shortcut: 'Mod+J', run: () => togglePanel(bottomRef.current) },
      { id: 'view.tutor', title: 'Show Tutor', category: 'View', run: () => showTab('tutor') },
      { id: 'view.terminal', title: 'Show Terminal', category: 'View', shortcut: 'Mod+`', run: () => showTab('terminal') },
      { id: 'view.output', title: 'Show Output', category: 'View', run: () => showTab('output') },
      {
        id: 'view.resetLayout',
        title: 'Reset layout',
        category: 'View',
        run: () =>
          void useAppStore
            .getState()
            .updateLayout({ horizontal: { side: 22, centre: 78 }, vertical: { canvas: 70, bottom: 30 }, bottomByView: {}, sideWidth: 22 })
            .then(() => window.location.reload()),
      },
      ...activities.map((entry) => ({
        id: `go.${entry.id}`,
        title: `Go to ${entry.label}`,
        category: 'Go',
        shortcut: entry.shortcut,
        run: () => void useAppStore.getState().updateLayout({ activity: entry.id }),
      })),
    ];
  }, [sideRef, bottomRef]);
  useRegisterCommands(commands);
  useGlobalShortcuts();

  return (
    <div className="app-shell">
      <a
        className="skip-link"
        href="#main-content"
        onClick={(event) => {
          event.preventDefault();
          document.getElementById('main-content')?.focus();
        }}
      >
        Skip to main content
      </a>
      <header className="top-bar">
        <Brand />
        <button className="palette-trigger" onClick={() => setPaletteOpen(true)} aria-label="Open command palette">
          <CommandIcon size={14} aria-hidden="true" /> Search commands <kbd>{formatShortcut('Mod+Shift+P')}</kbd>
        </button>
        <Hud />
        <DigestNotice />
        <button
          className="icon-button"
          aria-label={resolvedTheme === 'dark' ? 'Switch to light theme' : 'Switch to dark theme'}
          title={themeLockedBy ? `Theme managed by ${themeLockedBy}` : 'Toggle theme'}
          disabled={themeLockedBy !== null}
          onClick={() => void updateSettings({ theme: resolvedTheme === 'dark' ? 'light' : 'dark' })}
        >
          {resolvedTheme === 'dark' ? <Sun size={16} aria-hidden="true" /> : <Moon size={16} aria-hidden="true" />}
        </button>
      </header>
      <div className="workbench">
        <nav className="activity-bar" aria-label="Activities">
          {activities.map((entry) => (
            <button
              key={entry.id}
              className="activity"
              aria-label={entry.label}
              aria-current={entry.id === activity.id ? 'page' : undefined}
              aria-describedby={entry.useBadge ? `activity-badge-${entry.id}` : undefined}
              title={`${entry.label} (${formatShortcut(entry.shortcut)})`}
              onClick={() => {
                if (entry.id === activity.id) togglePanel(sideRef.current, openSide);
                else {
                  openSide(sideRef.current);
                  void updateLayout({ activity: entry.id });
                }
              }}
            >
              <entry.icon size={22} aria-hidden="true" />
              {entry.useBadge && <ActivityBadge id={`activity-badge-${entry.id}`} useCount={entry.useBadge} />}
            </button>
          ))}
        </nav>
        <Group orientation="horizontal" className="panel-group" defaultLayout={settings.layout.horizontal} onLayoutChanged={onHorizontalChanged}>
          <Panel
            id="side"
            panelRef={sideRef}
            collapsible
            minSize={SIDE_MIN_PX}
            maxSize="45%"
            className="side-panel"
            onResize={(size) => setSideCollapsed(size.inPixels < 1)}
          >
            {/* Folded away, its controls leave the Tab order and the accessibility tree. */}
            <aside aria-label={`${activity.label} side panel`} className="side-panel-body" inert={sideCollapsed}>
              <Loading what={activity.label}>
                <activity.Side />
              </Loading>
            </aside>
          </Panel>
          <Separator className="sash sash-vertical" aria-label="Resize side panel" />
          <Panel id="centre" minSize="30%">
            <Group orientation="vertical" className="panel-group" defaultLayout={settings.layout.vertical} onLayoutChanged={onVerticalChanged}>
              <Panel id="canvas" minSize="20%">
                <main id="main-content" className="canvas" aria-label={activity.label} tabIndex={-1}>
                  <Loading what={activity.label}>
                    <activity.Canvas />
                  </Loading>
                </main>
              </Panel>
              <Separator className="sash sash-horizontal" aria-label="Resize bottom panel" />
              <Panel
                id="bottom"
                panelRef={bottomRef}
                collapsible
                collapsedSize={BOTTOM_COLLAPSED_PX}
                minSize="10%"
                onResize={(size) => setBottomCollapsed(size.inPixels <= BOTTOM_COLLAPSED_PX + 1)}
              >
                <BottomPanel collapsed={bottomCollapsed} onOpen={() => openPanel(bottomRef.current)} />
              </Panel>
            </Group>
          </Panel>
        </Group>
      </div>
      <footer className="status-bar">
        <span>{status?.mode === 'serve' ? 'Serve mode' : 'Desktop'}</span>
        <OrganisationStatusItem />
        <span className={`connection connection-${connection}`}>
          {connection === 'open' ? 'Connected' : connection === 'connecting' ? 'Connecting…' : 'Disconnected'}
        </span>
        <span className="status-spacer" />
        <TabKeyStatus />
        <SandboxStatus />
        <UpdateStatusItem />
        <span>v{status?.version}</span>
      </footer>
      <CommandPalette />
    </div>
  );
}

/** The count on an activity's button (cards due in Practice); described to screen readers by id. */
function ActivityBadge({ id, useCount }: { id: string; useCount: () => number | null }) {
  const count = useCount();
  return (
    <span id={id} className={count ? 'activity-badge' : 'visually-hidden'}>
      {count ? `${count}` : ''}
      <span className="visually-hidden">{count ? ` due today` : ''}</span>
    </span>
  );
}
