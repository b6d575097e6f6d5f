// Exercism's .docs Markdown → lesson Markdown and hints.
import { describe, expect, it } from 'vitest';
import { admonitionsToCallouts, lessonMarkdown, parseHints, withoutRelativeLinks } from './markdown';

describe('lesson Markdown', () => {
  it('drops the title, turns exercism/ admonitions into callouts and leaves code fences alone', () => {
    const source = '# Instructions\n\nIntro.\n\n~~~~exercism/caution\nCareful:\n\nit bites.\n~~~~\n\n```python\nprint("~~~~")\n```\n';
    expect(lessonMarkdown(source).markdown).toBe('Intro.\n\n> [!CAUTION]\n> Careful:\n>\n> it bites.\n\n```python\nprint("~~~~")\n```');
    expect(admonitionsToCallouts('````exercism/advanced\nDeep.\n````')).toBe('> [!NOTE]\n> Deep.');
  });

  it('keeps web links and anchors but turns links into the repository into text, outside code only', () => {
    const { markdown, removed } = withoutRelativeLinks('See [docs](https://docs.python.org), [above](#top), [the concept](../../concepts/loops/about.md) and ![a chart](chart.svg).\n```\n[x](y.md)\n```');
    expect(markdown).toBe('See [docs](https://docs.python.org), [above](#top), the concept and a chart.\n```\n[x](y.md)\n```');
    expect(removed).toEqual(['../../concepts/loops/about.md', 'chart.svg']);
    const references = withoutRelativeLinks('Read [loops][loops] and [the docs][docs].\n\n[loops]: /tracks/python/concepts/loops\n[docs]: https://docs.python.org\n');
    expect(references).toEqual({ markdown: 'Read loops and [the docs][docs].\n\n[docs]: https://docs.python.org\n', removed: ['/tracks/python/concepts/loops'] });
  });
});

describe('parseHints', () => {
  it('gives a hint per general bullet and per task, with reference links resolved', () => {
    const hints = parseHints(
      '# Hints\n\n## General\n\n- Read the [docs][py].\n- Go slowly,\n  one step at a time.\n\n## 1. Add things\n\n- Use `+`.\n- Or `sum()`.\n\n[py]: https://docs.python.org/3/\n',
    );
    expect(hints).toEqual(['Read the [docs](https://docs.python.org/3/).', 'Go slowly, one step at a time.', '1. Add things: Use `+`. Or `sum()`.']);
  });

  it('merges more than four hints in order, and finds none in an empty file', () => {
    const hints = parseHints(['## General', ...['a', 'b', 'c', 'd', 'e', 'f'].map((x) => `- ${x}`)].join('\n'));
    expect(hints).toEqual(['a b', 'c d', 'e f']);
    expect(parseHints('# Hints\n')).toEqual([]);
  });
});
