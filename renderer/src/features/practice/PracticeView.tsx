import { EmptyState } from '../shell/EmptyState';

export function PracticeSide() {
  return (
    <EmptyState title="Practice">
      <p>Exercises from your courses will be listed here.</p>
    </EmptyState>
  );
}

export function PracticeCanvas() {
  return (
    <EmptyState title="Practice">
      <p>Pick an exercise to practise what you have learned.</p>
    </EmptyState>
  );
}
