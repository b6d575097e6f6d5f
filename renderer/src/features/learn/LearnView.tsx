import { EmptyState } from '../shell/EmptyState';

export function LearnSide() {
  return (
    <EmptyState title="Courses">
      <p>No courses are installed yet.</p>
    </EmptyState>
  );
}

export function LearnCanvas() {
  return (
    <EmptyState title="Learn">
      <p>Open a course from the side panel to start a lesson.</p>
    </EmptyState>
  );
}
