// The side panel's lesson search: full-text over every installed course, hits with the
// matched words marked; choosing one opens the lesson.
import { Search } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useCall } from '../../platform/use-call';
import { snippetParts } from './catalog-filters';
import { useLearnStore } from './learn-store';

/** `value` once it has stopped changing for `ms` (typing in a search box). */
function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

export function LessonSearch() {
  const [query, setQuery] = useState('');
  const openLesson = useLearnStore((state) => state.openLesson);
  const asked = useSettled(query.trim().length >= 2 ? query : null, 120);
  // The last results stay while the next ones load, so the list does not blink as one types.
  const { data: hits, error } = useCall('courses.search', asked === null ? null : { query: asked, limit: 20 }, [], { keepPrevious: true });
  const shown = query.trim().length >= 2 ? hits : null;
  return (
    <div className="learn-search">
      <label className="learn-search-box">
        <Search size={14} aria-hidden="true" />
        <input type="search" placeholder="Search lessons" aria-label="Search lessons" value={query} onChange={(event) => setQuery(event.target.value)} />
      </label>
      {error && query.trim().length >= 2 && <p className="form-error">{error}</p>}
      {shown && (
        <ul className="learn-search-results" aria-label="Lesson search results">
          {shown.length === 0 && <li className="muted">No lessons match “{query}”.</li>}
          {shown.map((hit) => (
            <li key={`${hit.courseId}/${hit.lessonId}`}>
              <button type="button" className="learn-hit" onClick={() => openLesson(hit.courseId, hit.lessonId)}>
                <span className="learn-hit-title">{hit.title}</span>
                <span className="muted learn-hit-course">{hit.courseTitle}</span>
                <span className="learn-hit-snippet">
                  {snippetParts(hit.snippet).map((part, index) => (part.hit ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>))}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
