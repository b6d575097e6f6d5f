// The six learning metrics (design §10.2), each a card with its figure, one plain line saying
// what it means, and what to do when there is not enough yet.
import type { ReactNode } from 'react';
import type { LearningMetrics as Metrics } from '../../../../preload/contract/progress-metrics';
import { formatDuration } from './format';
import { useMetrics } from './insights-store';

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
    <section className="progress-card" aria-labelledby="metrics-heading">
      <h2 id="metrics-heading">Learning metrics</h2>
      {error ? <p role="alert">{error}</p> : metrics ? <MetricGrid metrics={metrics} /> : <p className="muted">Working out your metrics…</p>}
    </section>
  );
}

function MetricGrid({ metrics }: { metrics: Metrics }) {
  const { learningVelocity: velocity, knowledgeRetention: retention, engagement, struggle, predictedCompletion: forecast, decayRisk } = metrics;
  return (
    <ul className="metric-grid">
      <MetricCard
        id="velocity"
        title="Learning velocity"
        explain="Modules you completed per hour of active learning, over the last 4 weeks."
        empty={velocity ? null : 'Not enough yet: spend a few minutes in a lesson.'}
      >
        {velocity && (
          <>
            <strong>{velocity.modulesPerHour.toFixed(2)}</strong> modules / hour
            <span className="muted">
              {' '}
              ({velocity.modulesCompleted} in {formatDuration(velocity.activeSeconds)})
            </span>
          </>
        )}
      </MetricCard>
      <MetricCard
        id="retention"
        title="Knowledge retention"
        explain="How many review cards you remembered; recent reviews count more."
        empty={retention ? null : 'Not enough yet: review a card in Practice.'}
      >
        {retention && (
          <>
            <strong>{percent(retention.rate)}</strong> remembered <span className="muted">({retention.reviews} reviews)</span>
          </>
        )}
      </MetricCard>
      <MetricCard
        id="engagement"
        title="Engagement score"
        explain="Out of 100: how often, how long and how actively you learned in the last 7 days."
        empty={engagement ? null : 'Not enough yet: nothing in the last 7 days.'}
      >
        {engagement && (
          <>
            <strong>{engagement.score}</strong> / 100{' '}
            <span className="muted">
              ({engagement.sessions} sessions, {formatDuration(engagement.activeSeconds)}, {engagement.interactions} actions)
            </span>
          </>
        )}
      </MetricCard>
      <MetricCard
        id="completion"
        title="Predicted completion"
        explain="When you should finish your current course at your recent pace."
        empty={forecast ? null : 'Not enough yet: complete a few lessons on different days.'}
      >
        {forecast && (
          <>
            <strong>
              {day(forecast.earliest)} – {day(forecast.latest)}
            </strong>
            <span className="muted">
              {' '}
              {forecast.courseTitle}, {forecast.remainingLessons} lessons left
            </span>
          </>
        )}
      </MetricCard>
      <MetricCard
        id="struggle"
        title="Struggle index"
        explain="Per concept: failed attempts × hints × time against par; 1 is an ordinary effort."
        empty={struggle.length ? null : 'Not enough yet: it appears once you work on tagged lessons.'}
      >
        <ConceptList concepts={struggle.map((c) => ({ ...c, figure: c.index.toFixed(1) }))} />
      </MetricCard>
      <MetricCard
        id="decay"
        title="Skill decay risk"
        explain="Per concept: days since you practised it × how shaky it was; review the top ones."
        empty={decayRisk.length ? null : 'Not enough yet: it appears once concepts have mastery.'}
      >
        <ConceptList concepts={decayRisk.map((c) => ({ ...c, figure: percent(c.risk) }))} />
      </MetricCard>
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
