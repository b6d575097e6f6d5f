// Quiz prompts, options, explanations and hints are one-line course text in which authors mark
// code as Markdown code spans (`like this`); the rest is shown as written, never as Markdown.

export interface TextPart {
  readonly text: string;
  readonly code: boolean;
}

/** Splits text at CommonMark code spans: a run of backticks up to the next run of the same length. */
export function codeSpans(text: string): TextPart[] {
  const parts: TextPart[] = [];
  const push = (part: TextPart) => {
    const last = parts.at(-1);
    if (last && !last.code && !part.code) parts[parts.length - 1] = { text: last.text + part.text, code: false };
    else if (part.text || part.code) parts.push(part);
  };
  let at = 0;
  while (at < text.length) {
    const open = /`+/g;
    open.lastIndex = at;
    const opening = open.exec(text);
    if (!opening) break;
    const fence = opening[0];
    const close = new RegExp(`(?<!\`)${fence}(?!\`)`, 'g');
    close.lastIndex = opening.index + fence.length;
    const closing = close.exec(text);
    if (!closing) {
      // No closing run of this length: these backticks are literal text.
      push({ text: text.slice(at, opening.index + fence.length), code: false });
      at = opening.index + fence.length;
      continue;
    }
    push({ text: text.slice(at, opening.index), code: false });
    const inner = text.slice(opening.index + fence.length, closing.index);
    const padded = inner.length > 2 && inner.startsWith(' ') && inner.endsWith(' ') && inner.trim() !== '';
    push({ text: padded ? inner.slice(1, -1) : inner, code: true });
    at = closing.index + fence.length;
  }
  push({ text: text.slice(at), code: false });
  return parts;
}
