// The right answers a built-in course carries (quiz options marked correct, reference
// solutions), for tests that need a lesson done rather than shown.
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { repoRoot } from './serve';

interface QuizFront {
  quiz: { questions: { id: string; options: { correct?: boolean }[] }[] };
}

/** `lesson.submitQuiz` answers that get every question of a quiz lesson right. */
export function rightQuizAnswers(courseId: string, lessonFile: string): { questionId: string; selected: number[] }[] {
  const text = fs.readFileSync(path.join(repoRoot, 'courses', courseId, 'lessons', lessonFile), 'utf8');
  const front = YAML.parse(/^---\n([\s\S]*?)\n---/.exec(text)![1]!) as QuizFront;
  return front.quiz.questions.map((question) => ({
    questionId: question.id,
    selected: question.options.flatMap((option, index) => (option.correct ? [index] : [])),
  }));
}

/** The reference solution of an exercise's entry file. */
export function solutionOf(courseId: string, exercise: string, file = 'main.py'): string {
  return fs.readFileSync(path.join(repoRoot, 'courses', courseId, 'exercises', exercise, 'solution', file), 'utf8');
}
