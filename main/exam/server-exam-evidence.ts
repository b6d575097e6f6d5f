// The sync server's verdict on this learner's Silver exam, kept here once the app has seen it
// (a settings row, no migration): with it the Certificates view shows Silver as earned and asks the
// server for its signed certificate, which the server issues from the attempt it graded itself.
import type { ExamEvidence } from '../../common/rules/certificate-criteria';
import type { Store } from '../store/open-store';
import { readRow, writeRow } from '../sync/sync-state';

const passedKey = (courseId: string) => `exam.server.passed.${courseId}`;

interface ServerPass {
  readonly attemptId: string;
  readonly overall: number;
}

export function recordServerPass(store: Store, courseId: string, pass: ServerPass, now: number): void {
  writeRow(store, passedKey(courseId), pass, now);
}

/** The server's passed exam for the course as evidence; null when this app has not seen one. */
export function serverExamEvidence(store: Store, courseId: string): ExamEvidence | null {
  const pass = readRow<ServerPass>(store, passedKey(courseId));
  return pass ? { score: pass.overall, passed: true } : null;
}
