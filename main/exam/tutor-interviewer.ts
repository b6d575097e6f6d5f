// The design interview's Interviewer, from the tutor's configured provider (Anthropic or Ollama);
// null when the learner has none, so the written answer waits for a person's review.
import type { ProviderFactory } from '../tutor/tutor-asking';
import { modelOf, type TutorConfig } from '../tutor/tutor-config';
import type { Interviewer } from './design-interview';

const INTERVIEW_MAX_TOKENS = 600;
const INTERVIEW_TIMEOUT_MS = 60_000;

export function tutorInterviewer(config: Pick<TutorConfig, 'settings' | 'apiKey'>, providerFor: ProviderFactory): Interviewer | null {
  const settings = config.settings();
  if (settings.provider === 'none') return null;
  let provider;
  try {
    provider = providerFor(settings, config.apiKey(), null);
  } catch {
    // A provider chosen without its key conducts nothing: the written answer is kept for a person's review.
    return null;
  }
  if (!provider) return null;
  return ({ system, messages }) =>
    provider.chat(
      { model: modelOf(settings), system, messages, maxTokens: INTERVIEW_MAX_TOKENS, signal: AbortSignal.timeout(INTERVIEW_TIMEOUT_MS) },
      () => undefined,
    );
}
