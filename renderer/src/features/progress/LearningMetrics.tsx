// The six learning metrics (design §10.2), each a card with its figure, one plain line saying
// what it means, and what to do when there is not enough yet.
import type { ReactNode } from 'react';
import type { LearningMetrics as Metrics } from '../../../../preload/contract/progress-metrics';
import { formatDuration } from './format';
import { useMetrics } from './insights-store';
import { ProgressCard } from './ProgressCard';

const percent = (value: number) => `${Math.round(value * 100)}%`;
const day = (at: number) => new Date(at).toLocaleDateString(undefined, { month: 'short', day: 'numeric' });

function MetricCard({ id, title, explain, children, empty }: { id: string; title: string; explain: string; children: ReactNode; empty: string | null }) {
  return (
    <li className="metric" aria-labelledby={`metric-${id}`} data-metric={id}>
      <h3 id={`metric-${id}`}>{title}</h3>
      {empty === null ? <div className="metric-value">{children}</div> : <p className="metric-empty muted">{empty}</p>}
      <p className="metric-explain muted">{explain}</p>
    </li>
  );
}

export function LearningMetrics() {
  const { metrics, error } = useMetrics();
  return (
    <ProgressCard id="metrics-heading" title="Learning metrics">
      {error ? <p role="alert">{error}</p> : metrics ? <MetricGrid metrics={metrics} /> : <p className="muted">Working out your metrics…</p>}
    </ProgressCard>
  );
}

/** Each metric: its card's words, and its figure, or null while there is not enough data. */
const metricCards: readonly { id: string; title: string; explain: string; notYet: string; figure: (metrics: Metrics) => ReactNode | null }[] = [
  {
    id: 'velocity',
    title: 'Learning velocity',
    explain: 'Modules you completed per hour of active learning, over the last 4 weeks.',
    notYet: 'spend a few minutes in a lesson.',
    figure: ({ learningVelocity: v }) =>
      v && (
        <>
          <strong>{v.modulesPerHour.toFixed(2)}</strong> modules / hour{' '}
          <span className="muted">({`${v.modulesCompleted} in ${formatDuration(v.activeSeconds)}`})</span>
        </>
      ),
  },
  {
    id: 'retention',
    title: 'Knowledge retention',
    explain: 'How many review cards you remembered; recent reviews count more.',
    notYet: 'review a card in Practice.',
    figure: ({ knowledgeRetention: r }) =>
      r && (
        <>
          <strong>{percent(r.rate)}</strong> remembered <span className="muted">({r.reviews} reviews)</span>
        </>
      ),
  },
  {
    id: 'engagement',
    title: 'Engagement score',
    explain: 'Out of 100: how often, how long and how actively you learned in the last 7 days.',
    notYet: 'nothing in the last 7 days.',
    figure: ({ engagement: e }) =>
      e && (
        <>
          <strong>{e.score}</strong> / 100{' '}
          <span className="muted">{`(${e.sessions} sessions, ${formatDuration(e.activeSeconds)}, ${e.interactions} actions)`}</span>
        </>
      ),
  },
  {
    id: 'completion',
    title: 'Predicted completion',
    explain: 'When you should finish your current course at your recent pace.',
    notYet: 'complete a few lessons on different days.',
    figure: ({ predictedCompletion: f }) =>
      f && (
        <>
          <strong>{`${day(f.earliest)} – ${day(f.latest)}`}</strong>
          <span className="muted">{` ${f.courseTitle}, ${f.remainingLessons} lessons left`}</span>
        </>
      ),
  },
  {
    id: 'struggle',
    title: 'Struggle index',
    explain: 'Per concept: failed attempts × hints × time against par; 1 is an ordinary effort.',
    notYet: 'it appears once you work on tagged lessons.',
    figure: ({ struggle }) => struggle.length > 0 && <ConceptList concepts={struggle.map((c) => ({ ...c, figure: c.index.toFixed(1) }))} />,
  },
  {
    id: 'decay',
    title: 'Skill decay risk',
    explain: 'Per concept: days since you practised it × how shaky it was; review the top ones.',
    notYet: 'it appears once concepts have mastery.',
    figure: ({ decayRisk }) => decayRisk.length > 0 && <ConceptList concepts={decayRisk.map((c) => ({ ...c, figure: percent(c.risk) }))} />,
  },
];

function MetricGrid({ metrics }: { metrics: Metrics }) {
  return (
    <ul className="metric-grid">
      {metricCards.map((card) => {
        const figure = card.figure(metrics);
        return (
          <MetricCard key={card.id} id={card.id} title={card.title} explain={card.explain} empty={figure ? null : `Not enough yet: ${card.notYet}`}>
            {figure}
          </MetricCard>
        );
      })}
    </ul>
  );
}

function ConceptList({ concepts }: { concepts: { courseId: string; conceptId: string; title: string; figure: string }[] }) {
  return (
    <ol className="metric-list">
      {concepts.map((concept) => (
        <li key={`${concept.courseId}/${concept.conceptId}`}>
          <span>{concept.title}</span> <strong>{concept.figure}</strong>
        </li>
      ))}
    </ol>
  );
}
