// Full-text search over installed lessons (SQLite FTS5, bm25): hits with snippets for the
// Learn view, and heading-sized passages for the tutor's retrieval.
import type { SearchHit } from '../../../preload/contract/courses';
import type { Store } from '../../store/open-store';
import { ftsQuery } from './lesson-text';

/** A section of a lesson, headed by its heading path, as the tutor retrieves it. */
export interface PassageHit {
  readonly courseId: string;
  readonly lessonId: string;
  readonly heading: string;
  readonly text: string;
  readonly score: number;
}

/** What the tutor needs: passages ranked against a learner's words. */
export interface PassageSource {
  passages(query: string, options?: { limit?: number; courseId?: string; lessonId?: string }): PassageHit[];
}

export class CourseSearch implements PassageSource {
  constructor(private readonly store: Store) {}

  search(query: string, options: { limit?: number; courseId?: string } = {}): SearchHit[] {
    const match = ftsQuery(query, 'all');
    if (!match) return [];
    const limit = Math.min(Math.max(options.limit ?? 20, 1), 100);
    // Rank first (bm25 over every match), then build snippets only for the rows returned:
    // snippet() on every match would dominate the query for common words.
    const rows = this.store.sqlite
      .prepare(
        `WITH top AS (
           SELECT rowid AS id, bm25(lesson_search, 0, 0, 8.0, 1.0) AS rank FROM lesson_search
            WHERE lesson_search MATCH ? ${options.courseId ? 'AND course_id = ?' : ''}
            ORDER BY rank LIMIT ?)
         SELECT s.course_id AS courseId, s.lesson_id AS lessonId, s.title AS title, c.title AS courseTitle,
                snippet(lesson_search, 3, '«', '»', '…', 12) AS snippet, top.rank AS rank
           FROM top JOIN lesson_search s ON s.rowid = top.id JOIN courses c ON c.id = s.course_id
          WHERE lesson_search MATCH ? ORDER BY top.rank`,
      )
      .all(...[match, ...(options.courseId ? [options.courseId] : []), limit, match]) as { courseId: string; lessonId: string; title: string; courseTitle: string; snippet: string; rank: number }[];
    return rows.map(({ rank, ...row }) => ({ ...row, score: -rank }));
  }

  passages(query: string, options: { limit?: number; courseId?: string; lessonId?: string } = {}): PassageHit[] {
    const match = ftsQuery(query, 'any');
    if (!match) return [];
    const limit = Math.min(Math.max(options.limit ?? 5, 1), 50);
    const filters = [options.courseId ? 'AND course_id = ?' : '', options.lessonId ? 'AND lesson_id = ?' : ''].join(' ');
    const rows = this.store.sqlite
      .prepare(
        `WITH top AS (SELECT rowid AS id, bm25(lesson_passages, 0, 0, 4.0, 1.0) AS rank FROM lesson_passages WHERE lesson_passages MATCH ? ${filters} ORDER BY rank LIMIT ?)
         SELECT p.course_id AS courseId, p.lesson_id AS lessonId, p.heading AS heading, p.text AS text, top.rank AS rank
           FROM top JOIN lesson_passages p ON p.rowid = top.id ORDER BY top.rank`,
      )
      .all(...[match, ...(options.courseId ? [options.courseId] : []), ...(options.lessonId ? [options.lessonId] : []), limit]) as { courseId: string; lessonId: string; heading: string; text: string; rank: number }[];
    return rows.map(({ rank, ...row }) => ({ ...row, score: -rank }));
  }
}
