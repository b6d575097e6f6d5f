import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Settings } from '../../../preload/contract/profile';

interface Pending {
  readonly patch: Partial<Settings>;
  resolve(settings: Settings): void;
  reject(error: Error): void;
}
const pending: Pending[] = [];
vi.mock('../platform/client', () => ({
  client: () => ({
    call: (_channel: string, patch: Partial<Settings>) => new Promise((resolve, reject) => pending.push({ patch, resolve, reject })),
  }),
}));
const { useAppStore } = await import('./app-store');

const initial = { layout: { bottomTab: 'output' }, lastLesson: null } as unknown as Settings;
const bottomTab = () => useAppStore.getState().settings!.layout.bottomTab;

describe('settings updates', () => {
  beforeEach(() => {
    pending.length = 0;
    useAppStore.setState({ settings: initial, output: [] });
  });

  it('an older answer arriving late does not flip back a newer choice', async () => {
    // Opening a lesson saves lastLesson; the learner then picks the Tutor tab before that answer comes.
    const first = useAppStore.getState().updateSettings({ lastLesson: { courseId: 'c', lessonId: 'l' } } as Partial<Settings>);
    const second = useAppStore.getState().updateLayout({ bottomTab: 'tutor' });
    expect(bottomTab()).toBe('tutor');
    pending[0]!.resolve({ ...initial, lastLesson: { courseId: 'c', lessonId: 'l' } } as Settings);
    await first;
    expect(bottomTab()).toBe('tutor');
    pending[1]!.resolve({ ...initial, layout: { ...initial.layout, bottomTab: 'tutor' }, lastLesson: { courseId: 'c', lessonId: 'l' } } as Settings);
    await second;
    expect(bottomTab()).toBe('tutor');
    expect(useAppStore.getState().settings!.lastLesson).toEqual({ courseId: 'c', lessonId: 'l' });
  });

  it('a failed update reverts and says why, unless a newer one is on its way', async () => {
    const alone = useAppStore.getState().updateLayout({ bottomTab: 'terminal' });
    pending[0]!.reject(new Error('The disk is full.'));
    await alone;
    expect(bottomTab()).toBe('output');
    expect(useAppStore.getState().output.at(-1)).toMatchObject({ level: 'error', message: 'The disk is full.' });

    const failing = useAppStore.getState().updateLayout({ bottomTab: 'terminal' });
    const newer = useAppStore.getState().updateLayout({ bottomTab: 'tutor' });
    pending[1]!.reject(new Error('The disk is full.'));
    await failing;
    expect(bottomTab()).toBe('tutor');
    pending[2]!.resolve({ ...initial, layout: { ...initial.layout, bottomTab: 'tutor' } } as Settings);
    await newer;
    expect(bottomTab()).toBe('tutor');
  });
});
