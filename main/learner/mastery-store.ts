// Mastery as stored: the current estimate per concept, moved by each piece of evidence once.
//
// `apply` runs inside the caller's transaction (the one that records the quiz answer, the Check,
// the hint or the review), so an event and what it taught us about the learner land together or
// not at all. Each record's key makes a replay a no-op, like the ledger's idempotency keys, and
// the update is incremental: nothing rescans history on start-up.
import type { Store } from '../store/open-store';
import { PRIOR, updateMastery, type EvidenceKind } from './mastery';

export interface EvidenceRecord {
  /** Unique per event and concept, e.g. `quiz:<attemptId>:<questionId>:<conceptId>`. */
  readonly key: string;
  readonly courseId: string;
  readonly conceptId: string;
  readonly kind: EvidenceKind;
  readonly correct: boolean;
  /** Seconds taken against par, when both are known (< 1 is quicker than par). */
  readonly timeRatio?: number;
  readonly occurredAt: number;
}

export interface ConceptMasteryRow {
  readonly courseId: string;
  readonly conceptId: string;
  readonly probability: number;
  readonly evidenceCount: number;
  readonly successCount: number;
  readonly lastEvidenceAt: number;
  readonly lastSuccessAt: number | null;
}

const columns = `course_id AS courseId, concept_id AS conceptId, probability, evidence_count AS evidenceCount,
  success_count AS successCount, last_evidence_at AS lastEvidenceAt, last_success_at AS lastSuccessAt`;

export class MasteryStore {
  constructor(private readonly store: Store) {}

  /** Applies each record not seen before; returns how many were new. Call inside a transaction. */
  apply(records: readonly EvidenceRecord[]): number {
    const sqlite = this.store.sqlite;
    const seen = sqlite.prepare('SELECT 1 FROM mastery_evidence WHERE key = ?');
    const current = sqlite.prepare('SELECT probability FROM concept_mastery WHERE course_id = ? AND concept_id = ?');
    const log =
      sqlite.prepare(`INSERT INTO mastery_evidence (key, course_id, concept_id, kind, correct, time_ratio, probability_before, probability_after, occurred_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const upsert =
      sqlite.prepare(`INSERT INTO concept_mastery (course_id, concept_id, probability, evidence_count, success_count, last_evidence_at, last_success_at)
      VALUES (@courseId, @conceptId, @probability, 1, @success, @at, @successAt)
      ON CONFLICT (course_id, concept_id) DO UPDATE SET probability = excluded.probability, evidence_count = evidence_count + 1,
        success_count = success_count + excluded.success_count, last_evidence_at = max(last_evidence_at, excluded.last_evidence_at),
        last_success_at = coalesce(max(last_success_at, excluded.last_success_at), last_success_at, excluded.last_success_at)`);
    let applied = 0;
    const run = () => {
      for (const record of records) {
        if (seen.get(record.key)) continue;
        const before = (current.get(record.courseId, record.conceptId) as { probability: number } | undefined)?.probability ?? PRIOR;
        const after = updateMastery(before, record);
        const success = record.kind !== 'hint-revealed' && record.correct;
        log.run(record.key, record.courseId, record.conceptId, record.kind, success ? 1 : 0, record.timeRatio ?? null, before, after, record.occurredAt);
        upsert.run({
          courseId: record.courseId,
          conceptId: record.conceptId,
          probability: after,
          success: success ? 1 : 0,
          at: record.occurredAt,
          successAt: success ? record.occurredAt : null,
        });
        applied++;
      }
    };
    // Joins the caller's transaction when there is one; otherwise makes its own.
    if (sqlite.inTransaction) run();
    else sqlite.transaction(run).immediate();
    return applied;
  }

  /** The stored estimates of one course's concepts (concepts without evidence are absent). */
  forCourse(courseId: string): ConceptMasteryRow[] {
    return this.store.sqlite.prepare(`SELECT ${columns} FROM concept_mastery WHERE course_id = ? ORDER BY concept_id`).all(courseId) as ConceptMasteryRow[];
  }

  /** Every stored estimate, for the skill map and the path across courses. */
  all(): ConceptMasteryRow[] {
    return this.store.sqlite.prepare(`SELECT ${columns} FROM concept_mastery ORDER BY course_id, concept_id`).all() as ConceptMasteryRow[];
  }
}
