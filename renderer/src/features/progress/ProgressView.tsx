import { EmptyState } from '../shell/EmptyState';

export function ProgressSide() {
  return (
    <EmptyState title="Progress">
      <p>Your XP, streaks and achievements.</p>
    </EmptyState>
  );
}

export function ProgressCanvas() {
  return (
    <EmptyState title="Progress">
      <p>Complete a lesson to see your progress here.</p>
    </EmptyState>
  );
}
