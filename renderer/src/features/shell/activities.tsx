// The activity bar's entries. Each feature owns its side panel and its canvas; the shell
// only places them.
import { Award, BookOpen, Trophy, Dumbbell, Settings as SettingsIcon, TrendingUp, type LucideIcon } from 'lucide-react';
import { lazy, type ComponentType } from 'react';
import type { Layout } from '../../../../preload/contract/profile';
import { LearnCanvas, LearnSide } from '../learn/LearnView';
import { PracticeCanvas, PracticeSide, usePracticeDueCount } from '../practice/PracticeView';
import { ProgressCanvas, ProgressSide } from '../progress/ProgressView';

/** A view the first paint does not need: its code loads when the learner opens it (the shell shows it inside Suspense). */
function later<Module, Name extends keyof Module>(load: () => Promise<Module>, name: Name): ComponentType {
  return lazy(() => load().then((module) => ({ default: module[name] as ComponentType })));
}
const settingsView = () => import('../settings/SettingsView');
const certificatesView = () => import('../certificates/CertificatesView');
const leaderboardView = () => import('../leaderboard/LeaderboardView');

export interface Activity {
  readonly id: Layout['activity'];
  readonly label: string;
  readonly icon: LucideIcon;
  readonly shortcut: string;
  readonly Side: ComponentType;
  readonly Canvas: ComponentType;
  /** A count shown on the activity's button (Practice: cards due today), null for none. */
  readonly useBadge?: () => number | null;
}

export const activities: readonly Activity[] = [
  { id: 'learn', label: 'Learn', icon: BookOpen, shortcut: 'Mod+Shift+L', Side: LearnSide, Canvas: LearnCanvas },
  { id: 'practice', label: 'Practice', icon: Dumbbell, shortcut: 'Mod+Shift+E', Side: PracticeSide, Canvas: PracticeCanvas, useBadge: usePracticeDueCount },
  { id: 'progress', label: 'Progress', icon: TrendingUp, shortcut: 'Mod+Shift+G', Side: ProgressSide, Canvas: ProgressCanvas },
  {
    id: 'certificates',
    label: 'Certificates',
    icon: Award,
    shortcut: 'Mod+Shift+C',
    Side: later(certificatesView, 'CertificatesSide'),
    Canvas: later(certificatesView, 'CertificatesCanvas'),
  },
  {
    id: 'leaderboard',
    label: 'Leaderboard',
    icon: Trophy,
    shortcut: 'Mod+Shift+B',
    Side: later(leaderboardView, 'LeaderboardSide'),
    Canvas: later(leaderboardView, 'LeaderboardCanvas'),
  },
  {
    id: 'settings',
    label: 'Settings',
    icon: SettingsIcon,
    shortcut: 'Mod+,',
    Side: later(settingsView, 'SettingsSide'),
    Canvas: later(settingsView, 'SettingsCanvas'),
  },
];
