// The answer-leak guard: a reply for a graded exercise is compared with the reference
// solution before any of it reaches the screen. Pure functions plus a small streaming gate.

/** Share of the solution's own token trigrams (those not already in the starter) that a reply may repeat. */
export const LEAK_THRESHOLD = 0.5;
const SHINGLE = 3;

/** Code tokens with comments dropped, so formatting, comments and spacing cannot hide a copy. */
export function codeTokens(text: string): string[] {
  const withoutComments = text
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .replace(/(^|[^:])\/\/[^\n]*/g, '$1 ')
    .replace(/#[^\n]*/g, ' ');
  return withoutComments.match(/[A-Za-z_][A-Za-z0-9_]*|\d+(?:\.\d+)?|[^\sA-Za-z0-9_`]/g) ?? [];
}

function shingles(tokens: readonly string[], size = SHINGLE): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + size <= tokens.length; i++) out.add(tokens.slice(i, i + size).join('\u0001'));
  return out;
}

export interface LeakReference {
  /** The reference solution's files. */
  readonly solution: readonly string[];
  /** The starter files: what the learner already sees is not a secret. */
  readonly starter: readonly string[];
}

/** The trigrams that belong to the solution and not to the starter: what must not be handed over. */
export function secretShingles(reference: LeakReference): Set<string> {
  const starter = new Set<string>();
  for (const file of reference.starter) for (const s of shingles(codeTokens(file))) starter.add(s);
  const secret = new Set<string>();
  for (const file of reference.solution) for (const s of shingles(codeTokens(file))) if (!starter.has(s)) secret.add(s);
  return secret;
}

/** 0..1: the share of the secret trigrams the text contains (prose and code alike). */
export function leakScore(text: string, secret: ReadonlySet<string>): number {
  if (secret.size === 0) return 0;
  const seen = shingles(codeTokens(text));
  let hits = 0;
  for (const s of secret) if (seen.has(s)) hits++;
  return hits / secret.size;
}

export function isLeak(text: string, secret: ReadonlySet<string>, threshold = LEAK_THRESHOLD): boolean {
  return leakScore(text, secret) >= threshold;
}

/**
 * Holds streamed text back until it can be checked. Prose is released word by word; a
 * fenced code block is held whole until its fence closes. Before each release the running
 * text plus the new segment is scored, so a reply that would cross the threshold stops
 * before the crossing segment is shown.
 */
export class LeakGate {
  private pending = '';
  private released = '';
  private blocked = false;

  constructor(
    private readonly secret: ReadonlySet<string>,
    private readonly release: (text: string) => void,
    private readonly threshold = LEAK_THRESHOLD,
  ) {}

  get isBlocked(): boolean {
    return this.blocked;
  }

  get shown(): string {
    return this.released;
  }

  /** Adds streamed text; returns false once the reply is blocked (the caller stops the stream). */
  push(text: string): boolean {
    if (this.blocked) return false;
    this.pending += text;
    return this.drain(false);
  }

  /** The stream ended: checks and releases the rest. */
  finish(): boolean {
    if (this.blocked) return false;
    return this.drain(true);
  }

  private drain(final: boolean): boolean {
    for (;;) {
      const cut = final ? this.pending.length : this.safeCut();
      if (cut <= 0) return true;
      const segment = this.pending.slice(0, cut);
      if (isLeak(this.released + segment, this.secret, this.threshold)) {
        this.blocked = true;
        this.pending = '';
        return false;
      }
      this.released += segment;
      this.pending = this.pending.slice(cut);
      this.release(segment);
      if (final) return true;
    }
  }

  /** How much of the pending text may be checked and released now. */
  private safeCut(): number {
    const open = /^```/m.exec(this.pending);
    if (open) {
      if (open.index > 0) return open.index;
      // A fence opens here: release nothing until its closing fence line is complete.
      const afterOpen = this.pending.indexOf('\n');
      if (afterOpen < 0) return 0;
      const close = /^```[^\n]*\n/m.exec(this.pending.slice(afterOpen + 1));
      return close ? afterOpen + 1 + close.index + close[0].length : 0;
    }
    // Prose: release up to the last whitespace; a word still arriving (or a fence's first backticks) waits.
    const lastSpace = Math.max(this.pending.lastIndexOf(' '), this.pending.lastIndexOf('\n'));
    return lastSpace < 0 ? 0 : lastSpace + 1;
  }
}
