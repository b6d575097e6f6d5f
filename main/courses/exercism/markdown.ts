// Exercism's Markdown (the .docs files) turned into lesson Markdown and hint strings. Pure.

const fenceOpen = /^\s*(`{3,}|~{3,})(.*)$/;

/** The first `# Title` line removed (our lesson adds its own), and the text trimmed. */
export function withoutTitle(markdown: string): string {
  return markdown.replace(/^\s*#\s+[^\n]*\n?/, '').trim();
}

const calloutKinds: Record<string, string> = { note: 'NOTE', tip: 'TIP', important: 'IMPORTANT', warning: 'WARNING', caution: 'CAUTION' };

/**
 * Exercism's admonitions (a fence whose info string is `exercism/note`, `exercism/caution`, ...)
 * become our callouts (`> [!NOTE]`); other fences are left alone.
 */
export function admonitionsToCallouts(markdown: string): string {
  const out: string[] = [];
  let fence: string | null = null;
  let callout: string | null = null;
  for (const line of markdown.split('\n')) {
    const match = fenceOpen.exec(line);
    if (fence === null && match) {
      const kind = /^exercism\/([a-z-]+)/.exec(match[2]!.trim())?.[1];
      fence = match[1]!;
      if (kind) {
        callout = calloutKinds[kind] ?? 'NOTE';
        out.push(`> [!${callout}]`);
        continue;
      }
      out.push(line);
      continue;
    }
    if (fence !== null && match && match[1]!.startsWith(fence[0]!) && match[1]!.length >= fence.length && match[2]!.trim() === '') {
      fence = null;
      if (callout) {
        callout = null;
        continue;
      }
      out.push(line);
      continue;
    }
    out.push(callout ? (line.trim() ? `> ${line}` : '>') : line);
  }
  return out.join('\n');
}

const external = /^(?:[a-z][a-z0-9+.-]*:|#|\/\/)/i;
const inlineLink = /(!?)\[([^\]]*)\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g;

/**
 * Links and images into the Exercism repository (relative paths) do not exist in a course
 * bundle; they become their text. Returns how many were removed, for the report.
 */
export function withoutRelativeLinks(markdown: string): { markdown: string; removed: string[] } {
  const removed: string[] = [];
  // Reference definitions ("[label]: ../x.md") pointing into the repository go, and so do the links using them.
  const relativeLabels = new Set<string>();
  const definition = /^\s{0,3}\[([^\]]+)\]:\s*<?(\S+?)>?(?:\s+"[^"]*")?\s*$/;
  for (const line of markdown.split('\n')) {
    const match = definition.exec(line);
    if (match && !external.test(match[2]!)) {
      relativeLabels.add(match[1]!.toLowerCase());
      removed.push(match[2]!);
    }
  }
  let fence: string | null = null;
  const lines = markdown.split('\n').flatMap((line) => {
    const match = fenceOpen.exec(line);
    if (match) {
      if (fence === null) fence = match[1]!;
      else if (match[1]!.startsWith(fence)) fence = null;
      return [line];
    }
    if (fence !== null) return [line];
    const defined = definition.exec(line);
    if (defined && relativeLabels.has(defined[1]!.toLowerCase())) return [];
    return [
      line
        .replace(inlineLink, (whole, _image: string, text: string, target: string) => {
          if (external.test(target)) return whole;
          removed.push(target);
          return text;
        })
        .replace(/(!?)\[([^\]]+)\]\[([^\]]*)\]/g, (whole, _image: string, text: string, label: string) => (relativeLabels.has((label || text).toLowerCase()) ? text : whole)),
    ];
  });
  return { markdown: lines.join('\n'), removed };
}

/** Exercism Markdown → lesson Markdown: admonitions as callouts, relative links as text. */
export function lessonMarkdown(markdown: string): { markdown: string; removedLinks: string[] } {
  const { markdown: text, removed } = withoutRelativeLinks(admonitionsToCallouts(withoutTitle(markdown)));
  return { markdown: text, removedLinks: removed };
}

/**
 * .docs/hints.md → hint strings: one per bullet under "General" (or before any heading), one
 * per task section ("## 1. Task name", its bullets joined), reference links resolved. More than
 * `max` are merged in order.
 */
export function parseHints(markdown: string, max = 4): string[] {
  const references = new Map<string, string>();
  const body: string[] = [];
  for (const line of markdown.split('\n')) {
    const definition = /^\s*\[([^\]]+)\]:\s*<?(\S+?)>?(?:\s+"[^"]*")?\s*$/.exec(line);
    if (definition) references.set(definition[1]!.toLowerCase(), definition[2]!);
    else body.push(line);
  }
  const resolve = (text: string) =>
    text.replace(/\[([^\]]+)\]\[([^\]]*)\]/g, (whole, label: string, ref: string) => {
      const url = references.get((ref || label).toLowerCase());
      return url ? `[${label}](${url})` : whole;
    });
  const sections: { heading: string; items: string[] }[] = [];
  let current: { heading: string; items: string[] } = { heading: '', items: [] };
  for (const raw of body) {
    const line = raw.trimEnd();
    if (/^#\s/.test(line)) continue;
    const heading = /^#{2,}\s+(.*)$/.exec(line);
    if (heading) {
      if (current.items.length) sections.push(current);
      current = { heading: heading[1]!.trim(), items: [] };
      continue;
    }
    if (!line.trim()) continue;
    const bullet = /^\s{0,3}[-*+]\s+(.*)$/.exec(line);
    if (bullet || current.items.length === 0) current.items.push((bullet ? bullet[1]! : line).trim());
    else current.items[current.items.length - 1] += ` ${line.trim()}`;
  }
  if (current.items.length) sections.push(current);
  // Each general bullet is a hint of its own; a task's bullets make one hint for that task.
  const hints = sections.flatMap(({ heading, items }) =>
    heading && !/^general$/i.test(heading) ? [`${heading}: ${resolve(items.join(' '))}`] : items.map(resolve),
  );
  if (hints.length <= max) return hints;
  const merged: string[] = [];
  const size = Math.ceil(hints.length / max);
  for (let i = 0; i < hints.length; i += size) merged.push(hints.slice(i, i + size).join(' '));
  return merged;
}
