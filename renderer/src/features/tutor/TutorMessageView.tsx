// One message of the conversation. A reply the tutor made unasked carries its pattern's actions
// and "Why this?" (the signal main observed); every reply can be rated helpful or not, with a reason.
import { Lightbulb, ThumbsDown, ThumbsUp } from 'lucide-react';
import { useId, useState } from 'react';
import type { TutorAction, TutorMessage } from '../../../../preload/contract/tutor';
import { useHintRequest } from '../lesson/hint-request';
import { useTutorStore } from './tutor-store';
import { TutorReply } from './TutorReply';
import { onSubmitRun } from '../../platform/on-submit';

export const agentNames: Record<string, string> = {
  tutor: 'Tutor',
  assessor: 'Assessor',
  'code-reviewer': 'Code Reviewer',
  mentor: 'Mentor',
  'project-guide': 'Project Guide',
  'quiz-generator': 'Quiz',
};

/** What each unasked offer lets the learner do next, in one click. */
const offerActions: Record<NonNullable<TutorMessage['offer']>['pattern'], { label: string; action: TutorAction | 'hint'; text?: string }[]> = {
  'simpler-explanation': [
    { label: 'Explain it more simply', action: 'explain', text: 'Explain the idea behind this more simply, please.' },
    { label: 'Show a hint', action: 'hint' },
  ],
  socratic: [
    { label: 'Talk it through', action: 'why-failed' },
    { label: 'Show a hint', action: 'hint' },
  ],
  harder: [{ label: 'Quiz me', action: 'quiz' }],
  praise: [],
  'check-in': [],
};

export const notHelpfulReasons = ['It gave the answer away', 'It was not about my problem', 'It was too vague', 'It was too long', 'Something else'] as const;

function Rating({ message }: { message: TutorMessage }) {
  const rate = useTutorStore((state) => state.rate);
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState<string>(notHelpfulReasons[0]);
  const reasonId = useId();
  const rated = message.rating;
  if (asking)
    return (
      <form
        className="tutor-rating"
        onSubmit={onSubmitRun(() => {
          setAsking(false);
          void rate(message.id, false, reason);
        })}
      >
        <label htmlFor={reasonId}>Why not?</label>
        <select id={reasonId} value={reason} onChange={(event) => setReason(event.target.value)}>
          {notHelpfulReasons.map((text) => (
            <option key={text}>{text}</option>
          ))}
        </select>
        <button type="submit" className="button">
          Send rating
        </button>
        <button type="button" className="button" onClick={() => setAsking(false)}>
          Cancel
        </button>
      </form>
    );
  return (
    <div className="tutor-rating" role="group" aria-label="Rate this reply">
      <button type="button" className="icon-button" aria-label="Helpful" aria-pressed={rated?.helpful === true} onClick={() => void rate(message.id, true, '')}>
        <ThumbsUp size={14} aria-hidden="true" />
      </button>
      <button type="button" className="icon-button" aria-label="Not helpful" aria-pressed={rated?.helpful === false} onClick={() => setAsking(true)}>
        <ThumbsDown size={14} aria-hidden="true" />
      </button>
      {rated && <span className="muted">{rated.helpful ? 'Rated helpful' : `Rated not helpful: ${rated.reason}`}</span>}
    </div>
  );
}

function OfferFooter({ offer, onAction }: { offer: NonNullable<TutorMessage['offer']>; onAction(action: TutorAction, text?: string): void }) {
  const [why, setWhy] = useState(false);
  const whyId = useId();
  return (
    <div className="tutor-offer-actions">
      {offerActions[offer.pattern].map((item) => (
        <button
          key={item.label}
          type="button"
          className="button"
          onClick={() => (item.action === 'hint' ? useHintRequest.getState().ask() : onAction(item.action, item.text))}
        >
          {item.label}
        </button>
      ))}
      <button type="button" className="button" aria-expanded={why} aria-controls={whyId} onClick={() => setWhy(!why)}>
        Why this?
      </button>
      <p id={whyId} className="tutor-why muted" hidden={!why}>
        {offer.why}
      </p>
    </div>
  );
}

export function TutorMessageView({ message, onAction }: { message: TutorMessage; onAction(action: TutorAction, text?: string): void }) {
  if (message.role === 'system-note') return <p className="tutor-note muted">{message.content}</p>;
  if (message.role === 'user')
    return (
      <article className="tutor-message tutor-user" aria-label="You">
        <p>{message.content}</p>
      </article>
    );
  const name = agentNames[message.agent ?? 'tutor'] ?? 'Tutor';
  return (
    <article className={`tutor-message tutor-assistant${message.offer ? ' tutor-offered' : ''}`} aria-label={message.offer ? `${name}, unasked` : name}>
      <div className="tutor-agent">
        {message.offer && <Lightbulb size={12} aria-hidden="true" />} {name}
        {message.offer && ' · offered'}
      </div>
      <TutorReply text={message.content} />
      {message.offer && <OfferFooter offer={message.offer} onAction={onAction} />}
      <Rating message={message} />
    </article>
  );
}
