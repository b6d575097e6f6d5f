import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { tutorModes, type TutorAction, type TutorMode } from '../../../../preload/contract/tutor';
import { useAppStore } from '../../app/app-store';
import { useLearnStore } from '../learn/learn-store';
import { useRegisterCommands, type AppCommand } from '../palette/command-registry';
import { TutorMessageView } from './TutorMessageView';
import { TutorReply } from './TutorReply';
import { connectTutorEvents, useTutorStore } from './tutor-store';
import './tutor.css';
import { onSubmitRun } from '../../platform/on-submit';

// No "Hint" here: the lesson's hint control is the one way to take a hint (cost shown, the last one asks first).
const quickActions: { action: TutorAction; label: string }[] = [
  { action: 'explain', label: 'Explain this' },
  { action: 'analogy', label: 'Explain with an analogy' },
  { action: 'example', label: 'Show an example' },
  { action: 'review', label: 'Review my code' },
  { action: 'why-failed', label: 'Why did this fail?' },
];

/** The duck's hearts: one per remaining request today, when a daily budget is set. */
function Hearts({ limit, used }: { limit: number | null; used: number }) {
  if (limit === null) return null;
  const left = Math.max(0, limit - used);
  const shown = Math.min(limit, 10);
  return (
    <span className="tutor-hearts" role="img" aria-label={`${left} of ${limit} tutor requests left today`} title={`${left} of ${limit} left today`}>
      {Array.from({ length: shown }, (_, i) => (i < Math.round((left / limit) * shown) ? '♥' : '♡')).join('')}
    </span>
  );
}

export function TutorPanel() {
  // The open lesson (learn store); before the Learn canvas resumes it, the one saved in settings.
  const openLesson = useLearnStore((s) => s.open);
  const savedLesson = useAppStore((s) => s.settings?.lastLesson ?? null);
  const lastLesson = openLesson ?? savedLesson;
  const setActivity = useAppStore((s) => s.updateLayout);
  const { status, session, streaming, failure, loadStatus, open, ask, stop, clear, pullModel, pull } = useTutorStore();
  const [draft, setDraft] = useState('');
  const [mode, setMode] = useState<TutorMode>('auto');
  const listRef = useRef<HTMLDivElement>(null);
  const ids = { input: useId(), mode: useId() };

  useEffect(() => connectTutorEvents(), []);
  useEffect(() => {
    void loadStatus();
  }, [loadStatus]);
  const lessonKey = lastLesson ? `${lastLesson.courseId}/${lastLesson.lessonId}` : '';
  useEffect(() => {
    void open(lastLesson);
    // The lesson object changes identity on every settings update; its ids are what matter.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [lessonKey, open]);
  useEffect(() => {
    listRef.current?.scrollTo({ top: listRef.current.scrollHeight });
  }, [session?.messages.length, streaming?.text]);

  const send = (action: TutorAction, text = '') => {
    void ask(action, text, mode === 'auto' ? undefined : mode);
  };

  const commands = useMemo<AppCommand[]>(
    () => [
      ...quickActions.map((q) => ({ id: `tutor.${q.action}`, title: q.label, category: 'Tutor', run: () => send(q.action) })),
      { id: 'tutor.quiz', title: 'Quiz me on this lesson', category: 'Tutor', run: () => send('quiz') },
      { id: 'tutor.stop', title: 'Stop the reply', category: 'Tutor', run: () => void stop() },
    ],
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [mode, lessonKey],
  );
  useRegisterCommands(commands);

  if (!lastLesson) {
    return (
      <div className="panel-pad">
        <p>The tutor helps you think a problem through: it asks questions and gives hints instead of answers.</p>
        <p className="muted">Open a lesson to ask about it.</p>
      </div>
    );
  }

  const provider = status?.settings.provider ?? 'none';
  const busy = streaming !== null;
  const challenge = session?.lessonType === 'challenge';
  // An analogy is for a concept intro (without a provider the lesson's own explanation answers).
  const actions = quickActions.filter((q) => q.action !== 'analogy' || session?.lessonType === 'concept');
  return (
    <section className="tutor" aria-label="Tutor">
      <header className="tutor-header">
        <span className="muted">
          {provider === 'none'
            ? 'Course hints only'
            : provider === 'anthropic'
              ? `Anthropic · ${status?.settings.anthropicModel}`
              : `Ollama · ${status?.settings.ollamaModel || 'no model chosen'}`}
        </span>
        {provider === 'none' && (
          <span className="tutor-setup muted">
            Set up a provider for explanations and code reviews.{' '}
            <button type="button" className="button" onClick={() => void setActivity({ activity: 'settings' })}>
              Tutor settings
            </button>
          </span>
        )}
        {status && <Hearts limit={status.budget.limit} used={status.budget.used} />}
        {session && session.hintsTotal > 0 && (
          <span className="muted">
            Hints {session.hintsRevealed.length} of {session.hintsTotal}
          </span>
        )}
        <span className="status-spacer" />
        <label htmlFor={ids.mode} className="muted">
          Mode
        </label>
        <select id={ids.mode} value={mode} onChange={(e) => setMode(e.target.value as TutorMode)}>
          {tutorModes.map((m) => (
            <option key={m} value={m}>
              {m === 'auto' ? 'Follow the lesson' : m}
            </option>
          ))}
        </select>
        <button type="button" className="button" onClick={() => void clear()} disabled={busy || !session?.messages.length}>
          Clear conversation
        </button>
      </header>

      {/* Focusable so a keyboard learner can scroll a long conversation (axe: scrollable-region-focusable). */}
      <div className="tutor-messages" ref={listRef} role="log" aria-label="Conversation" aria-live="polite" tabIndex={0}>
        {session?.messages.length === 0 && !streaming && (
          <p className="muted">
            Ask anything about this lesson, or use a quick action below.
            {provider === 'none' && ' Without a provider, answers come from the lesson’s own text; its hints are under the instructions.'}
          </p>
        )}
        {session?.messages.map((m) => (
          <TutorMessageView key={m.id} message={m} onAction={send} />
        ))}
        {streaming && (
          <>
            {streaming.question && (
              <article className="tutor-message tutor-user" aria-label="You">
                <p>{streaming.question}</p>
              </article>
            )}
            <article className="tutor-message tutor-assistant" aria-label="Tutor reply in progress" aria-busy="true">
              {streaming.text ? <TutorReply text={streaming.text} /> : <p className="muted">Thinking…</p>}
            </article>
          </>
        )}
        {failure && (
          <div className="tutor-failure" role="alert">
            <p>
              <strong>{failure.code === 'cancelled' ? 'Stopped.' : failure.message}</strong>
            </p>
            <p>{failure.nextStep}</p>
            {failure.code === 'model_missing' && failure.model && (
              <button type="button" className="button primary" onClick={() => void pullModel(failure.model!)} disabled={pull !== null && !pull.done}>
                Pull {failure.model}
              </button>
            )}
            {['no_key', 'bad_key', 'unreachable', 'model_missing'].includes(failure.code) && (
              <button type="button" className="button" onClick={() => void setActivity({ activity: 'settings' })}>
                Open tutor settings
              </button>
            )}
            {pull && pull.model === failure.model && <PullBar pull={pull} />}
          </div>
        )}
      </div>

      {challenge ? (
        <p className="tutor-actions muted">In a challenge only the Assessor answers, and each hint from the lesson costs XP.</p>
      ) : (
        <div className="tutor-actions" role="group" aria-label="Quick actions">
          {actions.map((q) => (
            <button key={q.action} type="button" className="button" disabled={busy} onClick={() => send(q.action)}>
              {q.label}
            </button>
          ))}
        </div>
      )}
      <form
        className="tutor-input"
        onSubmit={onSubmitRun(() => {
          if (!draft.trim() || busy) return;
          send('ask', draft);
          setDraft('');
        })}
      >
        <label htmlFor={ids.input} className="visually-hidden">
          Ask the tutor
        </label>
        <textarea
          id={ids.input}
          value={draft}
          rows={1}
          placeholder="Ask the tutor… (Enter to send, Shift+Enter for a new line)"
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey) {
              e.preventDefault();
              e.currentTarget.form?.requestSubmit();
            }
          }}
        />
        {busy ? (
          <button type="button" className="button" onClick={() => void stop()}>
            Stop
          </button>
        ) : (
          <button type="submit" className="button primary" disabled={!draft.trim()}>
            Send
          </button>
        )}
      </form>
    </section>
  );
}

export function PullBar({ pull }: { pull: { model: string; status: string; completed: number; total: number; done: boolean; error?: string } }) {
  const percent = pull.total > 0 ? Math.round((pull.completed / pull.total) * 100) : 0;
  return (
    <div className="tutor-pull">
      <progress max={100} value={pull.done && !pull.error ? 100 : percent} aria-label={`Pulling ${pull.model}`} />
      <span className="muted">
        {pull.error
          ? pull.error
          : pull.done
            ? `${pull.model} is ready`
            : `${pull.status} · ${percent}%${pull.total ? ` of ${(pull.total / 1e9).toFixed(2)} GB` : ''}`}
      </span>
    </div>
  );
}
