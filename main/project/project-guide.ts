// The Project Guide's rubric review: a prompt that hands it the brief, main's automated checks,
// the test results and the submitted files, and a parser that accepts only a complete rubric
// (every category scored 0–100 with reasons). Pure, except `projectGuideFor`, which reaches the
// tutor's configured provider. A reply that does not parse drafts nothing: the submission then
// waits for a person, as it does with no provider.
import type { ChatTurn } from '../tutor/context-builder';
import type { ProviderFactory } from '../tutor/tutor-asking';
import { modelOf, type TutorConfig } from '../tutor/tutor-config';
import { rubricCategories, rubricTitles, rubricWeights, type AutomatedChecks, type ProjectReview } from '../../common/rules/project-review';
import { messageOf } from '../../preload/contract/errors';
import { rubricScoresSchema } from '../../preload/contract/project';
import type { SandboxFile } from '../../preload/contract/sandbox';

/** One completion from the tutor's provider. */
export type ProjectGuide = (request: { system: string; messages: ChatTurn[] }) => Promise<string>;

/** What the guide reads: the project, what main measured, and the files (capped, so the prompt stays bounded). */
export interface GuideInput {
  readonly title: string;
  readonly goal: string;
  readonly milestones: readonly { title: string; done: boolean }[];
  readonly automated: AutomatedChecks;
  readonly tests: readonly { name: string; status: string; message?: string | undefined }[];
  readonly files: readonly SandboxFile[];
  readonly demoUrl: string | null;
}

/** The most file text the guide is sent; the rest is named but not shown. */
export const GUIDE_FILE_CHARS = 60_000;

export function reviewSystemPrompt(): string {
  return [
    "Role: Project Guide (rubric review). You review a learner's Gold project against this rubric:",
    ...rubricCategories.map((category) => `- ${category} (${rubricTitles[category]}, ${rubricWeights[category]}%)`),
    'Score each category from 0 to 100 and give one to three short, specific reasons that name files or behaviour.',
    'Reply with only a JSON object: {"codeQuality": {"score": 80, "reasons": ["..."]}, ...} with all five categories.',
    'Judge only what was submitted; a failing test suite or a missing README lowers Functionality or Documentation.',
  ].join('\n');
}

export function reviewUserPrompt(input: GuideInput): string {
  let budget = GUIDE_FILE_CHARS;
  const shown: string[] = [];
  for (const file of input.files) {
    if (file.content.length > budget) {
      shown.push(`--- ${file.path} (not shown: over the review's size limit)`);
      continue;
    }
    budget -= file.content.length;
    shown.push(`--- ${file.path}\n${file.content}`);
  }
  return [
    `Project: ${input.title}`,
    `Goal: ${input.goal}`,
    `Milestones: ${input.milestones.map((m) => `${m.done ? '[x]' : '[ ]'} ${m.title}`).join('; ')}`,
    `Live demo: ${input.demoUrl ?? 'none given'}`,
    `Automated checks: tests ${input.automated.testsPassed ? 'pass' : 'do not pass'} (${input.automated.testCount} tests), README ${input.automated.readme ? 'present' : 'missing'}.`,
    `Test results: ${input.tests.map((t) => `${t.name}: ${t.status}${t.message ? ` (${t.message.slice(0, 200)})` : ''}`).join('; ') || 'none'}`,
    'Files:',
    ...shown,
  ].join('\n');
}

/** The rubric scores in a reply (the first JSON object in it); null when it is not a complete rubric. */
export function parseReviewScores(reply: string): ProjectReview['scores'] | null {
  const start = reply.indexOf('{');
  const end = reply.lastIndexOf('}');
  if (start < 0 || end <= start) return null;
  let value: unknown;
  try {
    value = JSON.parse(reply.slice(start, end + 1));
  } catch {
    // Not JSON: nothing is drafted and the submission waits for a person, which the caller reports.
    return null;
  }
  const parsed = rubricScoresSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

const REVIEW_MAX_TOKENS = 1500;
const REVIEW_TIMEOUT_MS = 120_000;

/** The Project Guide on the tutor's provider; null when none is set (or its key is missing), so a person reviews. */
export function projectGuideFor(
  config: Pick<TutorConfig, 'settings' | 'apiKey'>,
  providerFor: ProviderFactory,
  warn: (message: string) => void,
): ProjectGuide | null {
  const settings = config.settings();
  if (settings.provider === 'none') return null;
  try {
    const provider = providerFor(settings, config.apiKey(), null);
    return (
      provider &&
      (({ system, messages }) =>
        provider.chat(
          { model: modelOf(settings), system, messages, maxTokens: REVIEW_MAX_TOKENS, signal: AbortSignal.timeout(REVIEW_TIMEOUT_MS) },
          () => undefined,
        ))
    );
  } catch (error) {
    warn(`the Project Guide has no provider, so a person reviews: ${messageOf(error)}`);
    return null;
  }
}
