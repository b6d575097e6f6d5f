import { describe, expect, it } from 'vitest';
import { authoredHintReply, lessonSectionReply, quoteMarkdown } from './offline-reply';

describe('offline replies keep the course Markdown', () => {
  it('quotes every line of a hint, code fences included', () => {
    const hint = 'Try this shape:\n\n```python\nwhile n != 1:\n    steps += 1\n```';
    expect(quoteMarkdown(hint)).toBe('> Try this shape:\n>\n> ```python\n> while n != 1:\n>     steps += 1\n> ```');
    expect(authoredHintReply('Use a `while` loop.', 2)).toBe('**Hint 2** from the lesson:\n\n> Use a `while` loop.\n\nWhat will you try first?');
  });

  it('answers with the section as written, and the plain passage when the body lacks it', () => {
    const body = 'Intro text.\n\n## Loops\n\nA **loop** repeats:\n\n```python\nfor x in xs:\n    print(x)\n```\n\n## Next\n\nMore.';
    const passage = { heading: 'Lesson › Loops', text: 'A loop repeats: for x in xs: print(x)' };
    expect(lessonSectionReply(passage, { title: 'Lesson', body })).toBe(
      'From the lesson — **Lesson › Loops**:\n\nA **loop** repeats:\n\n```python\nfor x in xs:\n    print(x)\n```',
    );
    expect(lessonSectionReply(passage, { title: 'Lesson' })).toBe(`From the lesson — **Lesson › Loops**:\n\n${passage.text}`);
    expect(lessonSectionReply(passage, null)).toContain(passage.text);
  });
});
