// Builds what the model sees for one request, within a token budget. Pure: plain inputs in,
// prompt parts out, so every rule (what goes in, in which order, what is dropped) is tested.
import type { PathPreferences } from '../../preload/contract/path';

export interface ContextPassage {
  readonly heading: string;
  readonly text: string;
}

export interface ContextFile {
  readonly path: string;
  readonly content: string;
}

export interface ContextRun {
  readonly kind: 'run' | 'check';
  readonly outcome: string;
  readonly output: string;
  readonly tests: readonly { name: string; status: string; message?: string }[];
}

export interface ChatTurn {
  readonly role: 'user' | 'assistant';
  readonly content: string;
}

/** What the learner model says of the learner (main/path): their goal and tone, weak concepts, recent struggle. */
export interface LearnerContext extends Readonly<Pick<PathPreferences, 'weeklyMinutes'>> {
  readonly goal: string;
  readonly tone: string;
  readonly weakConcepts: readonly string[];
  readonly struggle: readonly string[];
}

export interface ContextInput {
  readonly system: string;
  readonly lesson: { title: string; type: string; objectives: readonly string[] } | null;
  readonly level: string;
  readonly passages: readonly ContextPassage[];
  readonly files: readonly ContextFile[];
  readonly lastRun: ContextRun | null;
  readonly hintsRevealed: readonly string[];
  readonly learner?: LearnerContext | null;
  /** For the Mentor: the learner's path and metrics in short lines (main/path/mentor-summary.ts). */
  readonly mentor?: readonly string[] | null;
  /** Oldest first. */
  readonly recentMessages: readonly ChatTurn[];
  readonly request: string;
  readonly budgetTokens: number;
}

export interface BuiltContext {
  /** Stable across a session's requests (cached by Anthropic): instructions and the lesson. */
  readonly system: string;
  /** Changes per request: passages, files, last run, hints; sent with the request. */
  readonly context: string;
  readonly messages: ChatTurn[];
  readonly tokens: number;
  /** Sections that did not fit, for the log and tests. */
  readonly dropped: string[];
}

/** A rough count that errs high (about 3.5 characters per token for code and English). */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 3.5);
}

function truncateToTokens(text: string, tokens: number): string {
  const chars = Math.max(0, Math.floor(tokens * 3.5));
  if (text.length <= chars) return text;
  return chars < 40 ? '' : `${text.slice(0, chars - 20)}\n…(truncated)`;
}

/** Keeps the end of long output, where the error usually is. */
function tailToTokens(text: string, tokens: number): string {
  const chars = Math.max(0, Math.floor(tokens * 3.5));
  if (text.length <= chars) return text;
  return chars < 40 ? '' : `…(earlier output cut)\n${text.slice(text.length - chars + 25)}`;
}

function runSection(run: ContextRun): string {
  const tests = run.tests
    .filter((t) => t.status !== 'pass')
    .map((t) => `- ${t.name}: ${t.status}${t.message ? ` — ${t.message}` : ''}`)
    .join('\n');
  const passed = run.tests.filter((t) => t.status === 'pass').length;
  return [
    `## Last ${run.kind}: ${run.outcome}`,
    run.tests.length ? `Tests: ${passed}/${run.tests.length} passed${tests ? `\n${tests}` : ''}` : '',
    run.output ? `Output:\n\`\`\`\n${run.output}\n\`\`\`` : '',
  ]
    .filter(Boolean)
    .join('\n');
}

/** Stable for a learner (so the system prompt stays cacheable): their goal and the tone their role asks for. */
function learnerHeader(learner: LearnerContext | null | undefined): string {
  if (!learner) return '';
  const hours = learner.weeklyMinutes > 0 ? ` (about ${Math.round((learner.weeklyMinutes / 60) * 10) / 10} hours a week)` : '';
  return [learner.goal ? `\nLearner's goal: ${learner.goal}${hours}` : '', `\nTone: ${learner.tone}`].join('');
}

/** Changes as the learner works: the lesson's weak concepts and recent struggle. */
function learnerSection(learner: LearnerContext): string {
  const lines = [
    learner.weakConcepts.length ? `Weak concepts for this lesson: ${learner.weakConcepts.join(', ')}` : '',
    ...learner.struggle.map((line) => `Recent struggle: ${line}`),
  ].filter(Boolean);
  return lines.length ? `## The learner now\n${lines.join('\n')}` : '';
}

/**
 * Priority when the budget is tight: the request and instructions always; then what the learner
 * model says (the Mentor's path and metrics too); then the last run
 * (the error is what the learner is stuck on), the current files, hints already revealed,
 * lesson passages (best first), and recent messages (newest first). Output order is stable:
 * lesson → passages → files → last run → hints, and messages oldest first.
 */
export function buildContext(input: ContextInput): BuiltContext {
  const dropped: string[] = [];
  const lessonHeader = input.lesson
    ? `\n\n# Lesson: ${input.lesson.title} (${input.lesson.type})\nObjectives: ${input.lesson.objectives.join('; ') || 'none listed'}\nLearner level: ${input.level}`
    : `\n\nLearner level: ${input.level}`;
  const system = input.system + lessonHeader + learnerHeader(input.learner);
  let remaining = input.budgetTokens - estimateTokens(system) - estimateTokens(input.request) - 8;

  const take = (text: string, name: string, mode: 'head' | 'tail' = 'head'): string => {
    if (remaining <= 0 || !text) {
      if (text) dropped.push(name);
      return '';
    }
    const cost = estimateTokens(text);
    if (cost <= remaining) {
      remaining -= cost;
      return text;
    }
    const cut = mode === 'tail' ? tailToTokens(text, remaining) : truncateToTokens(text, remaining);
    if (!cut) {
      dropped.push(name);
      return '';
    }
    dropped.push(`${name} (truncated)`);
    remaining -= estimateTokens(cut);
    return cut;
  };

  const learnerNow = input.learner ? take(learnerSection(input.learner), 'learner') : '';
  const mentor = input.mentor?.length
    ? take(`## The learner's path and metrics\n${input.mentor.map((line) => `- ${line}`).join('\n')}`, 'path and metrics')
    : '';
  const run = input.lastRun ? take(runSection(input.lastRun), 'last run', 'tail') : '';
  const files = input.files.map((f) => take(`## File ${f.path}\n\`\`\`\n${f.content}\n\`\`\``, `file ${f.path}`)).filter(Boolean);
  const hints = input.hintsRevealed.length ? take(`## Hints already revealed\n${input.hintsRevealed.map((h, i) => `${i + 1}. ${h}`).join('\n')}`, 'hints') : '';
  const passages = input.passages.map((p) => take(`## From the lesson: ${p.heading}\n${p.text}`, `passage ${p.heading}`)).filter(Boolean);

  const history: ChatTurn[] = [];
  for (let i = input.recentMessages.length - 1; i >= 0; i--) {
    const turn = input.recentMessages[i]!;
    const cost = estimateTokens(turn.content) + 4;
    if (cost > remaining) {
      dropped.push(`${i + 1} older message(s)`);
      break;
    }
    remaining -= cost;
    history.unshift(turn);
  }
  // Chat APIs want the first turn to be the learner's.
  while (history[0]?.role === 'assistant') history.shift();

  const context = [learnerNow, mentor, ...passages, ...files, run, hints].filter(Boolean).join('\n\n');
  const request = context ? `<context>\n${context}\n</context>\n\n${input.request}` : input.request;
  const messages = [...history, { role: 'user' as const, content: request }];
  const tokens = estimateTokens(system) + messages.reduce((sum, m) => sum + estimateTokens(m.content) + 4, 0);
  return { system, context, messages, tokens, dropped };
}
