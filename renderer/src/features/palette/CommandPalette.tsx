import { Command } from 'cmdk';
import { useAppStore } from '../../app/app-store';
import { formatShortcut, useCommandRegistry } from './command-registry';

export function CommandPalette() {
  const open = useAppStore((state) => state.paletteOpen);
  const setOpen = useAppStore((state) => state.setPaletteOpen);
  const commands = useCommandRegistry((state) => state.commands);
  const sorted = [...commands.values()].sort((a, b) => `${a.category}: ${a.title}`.localeCompare(`${b.category}: ${b.title}`));
  return (
    <Command.Dialog
      open={open}
      onOpenChange={setOpen}
      label="Command palette"
      className="palette"
      overlayClassName="palette-overlay"
      contentClassName="palette-content"
    >
      <Command.Input placeholder="Type a command…" aria-label="Command" className="palette-input" />
      <Command.List className="palette-list">
        <Command.Empty className="palette-empty">No command matches.</Command.Empty>
        {sorted.map((command) => (
          <Command.Item
            key={command.id}
            value={`${command.category}: ${command.title}`}
            onSelect={() => {
              setOpen(false);
              command.run();
            }}
            className="palette-item"
          >
            <span>
              <span className="palette-category">{command.category}:</span> {command.title}
            </span>
            {command.shortcut && <kbd>{formatShortcut(command.shortcut)}</kbd>}
          </Command.Item>
        ))}
      </Command.List>
    </Command.Dialog>
  );
}
