// The skill map: every concept of the learner's started courses with its mastery, grouped by
// module. A concept is a button; opening it shows the lessons that teach it (to open) and its
// review cards (with when each is due). Plain buttons and lists, so it works by keyboard alone.
import { useState } from 'react';
import type { MasteryBandName, SkillMapConcept } from '../../../../../preload/contract/learner';
import { useCall } from '../../../platform/use-call';
import { useProgressStore } from '../../hud/progress-store';
import { openRecommended } from '../dashboard-store';
import './skill-map.css';

const bandLabel: Record<MasteryBandName, string> = { unseen: 'Not started', weak: 'Weak', learning: 'Learning', mastered: 'Mastered' };
const sourceLabel = {
  'missed-quiz': 'Missed quiz question',
  'tutor-quiz': 'Tutor question',
  'course-check': 'Concept check',
  'solve-again': 'Solve again',
} as const;

const percent = (concept: SkillMapConcept) => (concept.probability === null ? '' : ` · ${Math.round(concept.probability * 100)}%`);
const dueText = (dueAt: number) => new Date(dueAt).toLocaleDateString(undefined, { month: 'short', day: 'numeric' });

export function SkillMap() {
  // Again after every award: a passed Check or quiz moves mastery.
  const version = useProgressStore((state) => state.version);
  const skillMap = useCall('learner.skillMap', {}, [version], { keepPrevious: true });
  const map = skillMap.data;
  const error = skillMap.error && `The skill map could not be loaded: ${skillMap.error}`;
  const [open, setOpen] = useState<string | null>(null);

  return (
    <section className="progress-card skill-map" aria-labelledby="skill-map-heading">
      <h2 id="skill-map-heading">Skill map</h2>
      {error && <p role="alert">{error}</p>}
      {!map && !error && <p className="muted">Loading your skills…</p>}
      {map && map.courses.length === 0 && <p className="muted">Start a course to see the ideas it teaches and how well you know each.</p>}
      {map?.courses.map((course) => (
        <div key={course.id} className="skill-map-course">
          <h3>{course.title}</h3>
          {course.modules.map((module) => (
            <div key={module.id ?? ''} className="skill-map-module">
              <h4>{module.title}</h4>
              <ul className="skill-map-concepts">
                {module.concepts.map((concept) => {
                  const key = `${course.id}/${concept.id}`;
                  const detailsId = `skill-${course.id}-${concept.id}`;
                  const expanded = open === key;
                  return (
                    <li key={concept.id} className={`skill-map-concept band-${concept.band}${expanded ? ' open' : ''}`}>
                      <button className="skill-map-chip" aria-expanded={expanded} aria-controls={detailsId} onClick={() => setOpen(expanded ? null : key)}>
                        <span className="skill-map-title">{concept.title}</span>
                        <span className="skill-map-band">
                          {bandLabel[concept.band]}
                          {percent(concept)}
                          {concept.dueCards > 0 ? ` · ${concept.dueCards} to review` : ''}
                        </span>
                      </button>
                      {expanded && <ConceptDetails id={detailsId} courseId={course.id} concept={concept} />}
                    </li>
                  );
                })}
              </ul>
            </div>
          ))}
        </div>
      ))}
    </section>
  );
}

function ConceptDetails({ id, courseId, concept }: { id: string; courseId: string; concept: SkillMapConcept }) {
  return (
    <div id={id} className="skill-map-details" role="group" aria-label={`${concept.title}: lessons and review cards`}>
      <h5>Lessons</h5>
      {concept.lessons.length ? (
        <ul>
          {concept.lessons.map((lesson) => (
            <li key={lesson.id}>
              <button className="button" onClick={() => openRecommended(courseId, lesson.id)}>
                Open “{lesson.title}”
              </button>{' '}
              <span className="muted">{lesson.status === 'completed' ? 'done' : lesson.status === 'in_progress' ? 'in progress' : 'not started'}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">No lesson teaches it yet.</p>
      )}
      <h5>Review cards</h5>
      {concept.cards.length ? (
        <ul>
          {concept.cards.map((card) => (
            <li key={card.id}>
              {card.prompt}{' '}
              <span className="muted">
                ({sourceLabel[card.source]}, due {dueText(card.dueAt)})
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">No review cards for it yet.</p>
      )}
    </div>
  );
}
