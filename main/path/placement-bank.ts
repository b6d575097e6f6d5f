// The placement quiz's questions: every lesson quiz question of the course, each assessing the
// concepts it names (`concepts:` on the question) or else its lesson's concepts.
import type { LessonContent } from '../../preload/contract/courses';
import type { BankQuestion } from './placement-service';

export interface BankSources {
  readonly lessons: (courseId: string) => readonly { lessonId: string; concepts: readonly string[] }[];
  readonly lesson: (courseId: string, lessonId: string) => LessonContent | null;
}

/** A question's own concepts, when the course tags it (the format's `concepts:` on a quiz question). */
function ownConcepts(question: object): string[] | null {
  const tagged = (question as { concepts?: unknown }).concepts;
  return Array.isArray(tagged) && tagged.every((id) => typeof id === 'string') && tagged.length > 0 ? (tagged as string[]) : null;
}

export function quizBank(sources: BankSources, courseId: string): BankQuestion[] {
  return sources.lessons(courseId).flatMap(({ lessonId, concepts }) =>
    (sources.lesson(courseId, lessonId)?.quiz?.questions ?? []).map((question) => ({
      id: `${lessonId}/${question.id}`,
      concepts: ownConcepts(question) ?? concepts,
      prompt: question.prompt,
      ...(question.code !== undefined ? { code: question.code } : {}),
      ...(question.language !== undefined ? { language: question.language } : {}),
      options: question.options.map((option) => ({ text: option.text, correct: option.correct })),
    })),
  );
}
