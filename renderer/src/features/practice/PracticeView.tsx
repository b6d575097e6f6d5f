// The Practice activity: today's review cards. The side panel counts them and lists where they
// come from; the canvas runs a review session, one card at a time, keyboard-first (digits pick
// an option, Enter checks and moves on), and ends with a summary.
import { useEffect, useState } from 'react';
import type { DueCard } from '../../../../preload/contract/practice';
import { EmptyState } from '../shell/EmptyState';
import { ReviewSession } from './ReviewSession';
import { usePracticeStore } from './practice-store';
import './practice.css';

const when = (at: number) => new Date(at).toLocaleString(undefined, { weekday: 'long', hour: '2-digit', minute: '2-digit' });

export function PracticeSide() {
  const due = usePracticeStore((state) => state.due);
  useEffect(() => void usePracticeStore.getState().load(), []);
  if (!due) return null;
  const lessons = [...new Set(due.cards.map((card) => card.lessonTitle ?? 'A lesson no longer installed'))];
  return (
    <div className="practice-side panel-pad">
      <h2>Practice</h2>
      <p>{due.cards.length === 0 ? 'Nothing is due today.' : `${due.cards.length} ${due.cards.length === 1 ? 'card is' : 'cards are'} due today.`}</p>
      {lessons.length > 0 && (
        <>
          <h3>From</h3>
          <ul className="practice-sources">
            {lessons.map((title) => (
              <li key={title}>{title}</li>
            ))}
          </ul>
        </>
      )}
      {due.nextDueAt !== null && <p className="muted">Next card comes up {when(due.nextDueAt)}.</p>}
    </div>
  );
}

export function PracticeCanvas() {
  const due = usePracticeStore((state) => state.due);
  const error = usePracticeStore((state) => state.error);
  // A session keeps the cards it started with, through to its summary, while answers change what is due.
  const [session, setSession] = useState<readonly DueCard[] | null>(null);
  if (session === null && due && due.cards.length > 0) setSession(due.cards);
  useEffect(() => void usePracticeStore.getState().load(), []);
  if (error)
    return (
      <EmptyState title="Practice">
        <p role="alert">Your review cards could not be loaded: {error}</p>
      </EmptyState>
    );
  if (session) return <ReviewSession cards={session} onDone={() => void usePracticeStore.getState().load()} />;
  if (!due) return null;
  if (due.cards.length === 0) {
    return (
      <EmptyState title="Practice">
        <p>Nothing to review today. Questions you miss in quizzes, and the tutor&apos;s practice questions, come back here when they are due.</p>
      </EmptyState>
    );
  }
  return null;
}

/** The count on the Practice activity and in the HUD; null while unknown or none. */
export function usePracticeDueCount(): number | null {
  useEffect(() => usePracticeStore.getState().start(), []);
  const count = usePracticeStore((state) => state.dueCount);
  return count ? count : null;
}
