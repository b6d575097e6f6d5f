import * as Tabs from '@radix-ui/react-tabs';
import type { Layout } from '../../../../preload/contract/profile';
import { useAppStore } from '../../app/app-store';
import { OutputPanel } from '../output/OutputPanel';
import { TerminalPanel } from '../terminal/TerminalPanel';
import { TutorPanel } from '../tutor/TutorPanel';

const tabs: { id: Layout['bottomTab']; label: string; Content: () => React.JSX.Element }[] = [
  { id: 'tutor', label: 'Tutor', Content: TutorPanel },
  { id: 'terminal', label: 'Terminal', Content: TerminalPanel },
  { id: 'output', label: 'Output', Content: OutputPanel },
];

export interface BottomPanelProps {
  /** Folded to its tab strip: the panels leave the Tab order until a tab opens it again. */
  readonly collapsed: boolean;
  onOpen(): void;
}

export function BottomPanel({ collapsed, onOpen }: BottomPanelProps) {
  const bottomTab = useAppStore((state) => state.settings!.layout.bottomTab);
  const updateLayout = useAppStore((state) => state.updateLayout);
  return (
    <Tabs.Root
      className="bottom-panel"
      value={bottomTab}
      onValueChange={(value) => {
        onOpen();
        void updateLayout({ bottomTab: value as Layout['bottomTab'] });
      }}
    >
      <Tabs.List className="tab-list" aria-label="Bottom panel">
        {tabs.map((tab) => (
          <Tabs.Trigger key={tab.id} value={tab.id} className="tab" onClick={onOpen}>
            {tab.label}
          </Tabs.Trigger>
        ))}
      </Tabs.List>
      {tabs.map((tab) => (
        <Tabs.Content key={tab.id} value={tab.id} className="tab-content" inert={collapsed}>
          <tab.Content />
        </Tabs.Content>
      ))}
    </Tabs.Root>
  );
}
