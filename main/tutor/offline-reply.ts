// The tutor's replies without a provider, as Markdown that keeps the course's own formatting:
// an authored hint quoted line by line (code and lists intact), a lesson section as written
// rather than the search index's one-paragraph plain text. Pure.
import { sectionsOf } from '../courses/search/lesson-text';

/** Every line quoted, so a hint of several lines or a code block stays one quote. */
export function quoteMarkdown(markdown: string): string {
  return markdown
    .split('\n')
    .map((line) => (line ? `> ${line}` : '>'))
    .join('\n');
}

export function authoredHintReply(hint: string, number: number): string {
  return `**Hint ${number}** from the lesson:\n\n${quoteMarkdown(hint)}\n\nWhat will you try first?`;
}

/** The retrieved passage as the lesson wrote it, when the lesson's Markdown has that section. */
export function lessonSectionReply(passage: { heading: string; text: string }, lesson: { title: string; body?: string } | null): string {
  const section = lesson?.body ? sectionsOf(lesson.title, lesson.body).find((candidate) => candidate.heading === passage.heading) : undefined;
  return `From the lesson — **${passage.heading}**:\n\n${section?.markdown ?? passage.text}`;
}
