// Lesson Markdown as plain text for the search index: one row per lesson, and one passage per
// heading section for the tutor's retrieval.

/**
 * A Markdown link or image on one line: `[label](target "title")`, target optionally in <>.
 * Lesson text comes from strangers, so the pattern must stay linear on any line: the label
 * excludes brackets and the target parentheses, blanks and <>, so every attempt stops at the
 * next "[" or "(" and no two attempts scan the same text (a run of 60,000 "[" took 13 s with
 * `[^\]]*`). Labels with nested brackets and targets with parentheses are not recognised; that
 * costs search text and link checks on those rare links, never safety (the renderer parses
 * Markdown itself). The blanks after "(" are matched atomically ((?=(x*))\3): with an empty
 * target they would otherwise be shared with the blanks before ")" and backtrack quadratically.
 * Flag d: the target's offsets are group 5's indices.
 */
export const markdownLinkPattern = () => /(!?)\[([^[\]\n]*)\]\((?=([ \t]*))\3(<?)([^\s()<>]*)>?(?:[ \t]+"[^"\n]*")?[ \t]*\)/dg;

/** Markdown without the syntax that would pollute matches (fences kept as text: code is content). */
export function plainText(markdown: string): string {
  // [ \t]* rather than \s*: \s crosses lines, and every line start of a blank run rescanned the rest.
  return markdown
    .replace(/^[ \t]*(?:```+|~~~+).*$/gm, ' ')
    .replace(markdownLinkPattern(), (_link, _bang: string, label: string) => label)
    .replace(/^>[ \t]*\[!(?:NOTE|TIP|IMPORTANT|WARNING|CAUTION)\]/gim, ' ')
    .replace(/[#>*_`|~-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export interface Passage {
  readonly heading: string;
  readonly text: string;
}

/** Sections split at ## / ### headings, as Markdown; the part before the first heading is headed by the lesson title. */
export function sectionsOf(title: string, markdown: string): { heading: string; markdown: string }[] {
  const sections: { heading: string; markdown: string }[] = [];
  let heading = title;
  let lines: string[] = [];
  let fence = false;
  const flush = () => {
    if (lines.join('').trim()) sections.push({ heading, markdown: lines.join('\n').trim() });
    lines = [];
  };
  for (const line of markdown.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) fence = !fence;
    // No "$": with it, "#" + spaces + a line separator backtracked quadratically.
    const match = fence ? null : /^#{1,3}[ \t]+(.*)/.exec(line);
    if (match) {
      flush();
      heading = `${title} › ${match[1]!.trim()}`;
    } else lines.push(line);
  }
  flush();
  return sections;
}

/** The sections as plain text, one passage each, for the tutor's retrieval. */
export function passagesOf(title: string, markdown: string): Passage[] {
  return sectionsOf(title, markdown).flatMap((section) => {
    const text = plainText(section.markdown);
    return text ? [{ heading: section.heading, text }] : [];
  });
}

/**
 * A learner's words as an FTS5 query: each term quoted (so no operator injection), the last
 * one prefix-matched; 'all' requires every term (search), 'any' ranks by overlap (retrieval).
 */
export function ftsQuery(input: string, mode: 'all' | 'any' = 'all'): string | null {
  const terms = input
    .toLowerCase()
    .split(/[^\p{L}\p{N}_]+/u)
    .filter((term) => term.length > 0)
    .slice(0, 12);
  if (terms.length === 0) return null;
  // Only the last term is a prefix (the learner may still be typing it); prefix expansion of
  // every term multiplies the work on a large catalog.
  return terms.map((term, index) => (index === terms.length - 1 ? `"${term}"*` : `"${term}"`)).join(mode === 'all' ? ' ' : ' OR ');
}
