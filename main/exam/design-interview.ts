// The design interview with a tutor provider: it asks the bank's follow-ups about the learner's
// own answer, one at a time, and at the end scores the transcript against the rubric. Prompts are
// pure; the provider is the tutor's (main/tutor/providers), reached through `Interviewer`.
import type { ChatTurn } from '../tutor/context-builder';
import type { DesignItem } from '../../common/exam/exam-format';

/** One completion from the tutor's provider. */
export type Interviewer = (request: { system: string; messages: ChatTurn[] }) => Promise<string>;

export type Turn = { role: 'interviewer' | 'learner'; text: string };

const toChat = (transcript: readonly Turn[]): ChatTurn[] =>
  transcript.map((turn) => ({ role: turn.role === 'learner' ? 'user' : 'assistant', content: turn.text }));

export function followUpPrompt(item: DesignItem): string {
  return [
    'You are conducting the design interview of a proctored exam. Ask exactly one short follow-up question about the',
    "learner's last answer; never give answers, hints or a grade. Prefer these follow-ups, adapted to what they wrote:",
    ...item.followUps.map((followUp) => `- ${followUp}`),
    `The design question was: ${item.prompt}`,
  ].join('\n');
}

export function scorePrompt(item: DesignItem): string {
  return [
    'Score this design interview from 0 to 100 against the rubric. Reply with only a JSON object {"score": <number>}.',
    `Question: ${item.prompt}`,
    'Rubric:',
    ...item.rubric.map((line) => `- ${line}`),
  ].join('\n');
}

/** The score in a reply such as {"score": 72}; null when there is none (the answer then waits for a person). */
export function parseScore(reply: string): number | null {
  const match = /"score"\s*:\s*(\d+(?:\.\d+)?)/.exec(reply);
  if (!match) return null;
  const score = Number(match[1]);
  return score >= 0 && score <= 100 ? score : null;
}

export const designInterview = {
  followUp: (interviewer: Interviewer, item: DesignItem, transcript: readonly Turn[]) =>
    interviewer({ system: followUpPrompt(item), messages: toChat(transcript) }),
  score: async (interviewer: Interviewer, item: DesignItem, transcript: readonly Turn[]) =>
    parseScore(
      await interviewer({
        system: scorePrompt(item),
        messages: [{ role: 'user', content: transcript.map((turn) => `${turn.role}: ${turn.text}`).join('\n\n') || '(no answer)' }],
      }),
    ),
};
