// The Quiz Generator's output is structured: validated with zod, retried once when invalid,
// and saved to review_items for spaced review.
import { z } from 'zod';
import { parseJsonReply } from './json-reply';

export const generatedQuizSchema = z.object({
  questions: z
    .array(
      z.object({
        prompt: z.string().min(3).max(600),
        options: z
          .array(z.object({ text: z.string().min(1).max(300), correct: z.boolean(), explanation: z.string().max(600).default('') }))
          .min(2)
          .max(6)
          .refine((options) => options.filter((o) => o.correct).length === 1, 'exactly one option must be correct'),
      }),
    )
    .min(1)
    .max(10),
});
export type GeneratedQuiz = z.infer<typeof generatedQuizSchema>;

/** Finds the JSON object in a reply (models sometimes wrap it in a fence) and validates it. */
export function parseQuiz(reply: string): { ok: true; quiz: GeneratedQuiz } | { ok: false; problem: string } {
  const parsed = parseJsonReply(reply, generatedQuizSchema);
  return parsed.ok ? { ok: true, quiz: parsed.value } : parsed;
}

/** The quiz as the learner reads it in the panel; answers follow the questions, so try first. */
export function quizMarkdown(quiz: GeneratedQuiz): string {
  const letters = 'ABCDEF';
  const questions = quiz.questions
    .map((q, i) => `**${i + 1}. ${q.prompt}**\n\n${q.options.map((o, j) => `- **${letters[j]}.** ${o.text}`).join('\n')}`)
    .join('\n\n');
  const answers = quiz.questions
    .map((q, i) => {
      const answer = q.options.findIndex((o) => o.correct);
      return `${i + 1}. ${letters[answer]} — ${q.options[answer]!.explanation}`;
    })
    .join('\n');
  return `${questions}\n\n---\n\n**Answers** (try first!)\n\n${answers}\n\nThese questions are saved for your spaced review. Which one was hardest?`;
}
