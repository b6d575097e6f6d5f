// The lesson's hint control is the one way to take a hint: the tutor's offer ("stuck? take a
// hint") asks it here, so its cost is shown and its last hint asks first, wherever it was asked from.
import { create } from 'zustand';

export const useHintRequest = create<{ asked: number; ask(): void }>((set) => ({
  asked: 0,
  ask: () => set((state) => ({ asked: state.asked + 1 })),
}));
