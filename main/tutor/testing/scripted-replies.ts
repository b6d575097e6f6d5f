// Deterministic replies for the test servers, shaped by the system prompt the app sent, so
// the evaluation harness and the e2e tests see agent-appropriate text without a real model.

export function scriptedReply(system: string, user: string): string {
  if (/Role: Quiz Generator/.test(system)) {
    return JSON.stringify({
      questions: [1, 2, 3].map((n) => ({
        prompt: `Question ${n}: what does this lesson's idea do?`,
        options: [
          { text: 'The right idea', correct: true, explanation: 'That is what the lesson shows.' },
          { text: 'A wrong idea', correct: false, explanation: 'Look at the lesson again.' },
          { text: 'Another wrong idea', correct: false, explanation: 'Not quite.' },
        ],
      })),
    });
  }
  if (/Role: Guided discovery judge/.test(system)) return guidedVerdict(user);
  if (/Role: Code Reviewer/.test(system) && /"findings"/.test(user)) {
    return JSON.stringify({
      findings: [
        { aspect: 'correctness', line: 2, comment: 'What does this give back when the list is empty? Compare it with what the test expects.' },
        { aspect: 'efficiency', line: 1, comment: 'How many times does the body run for n items? Is that what you need?' },
        { aspect: 'style', line: 1, comment: 'Does the name say what the value holds?' },
      ],
      summary: 'A good start: three things to look at.',
    });
  }
  if (/Role: Code Reviewer/.test(system)) {
    return 'Your function is close. Look at line 2: what does it return when the input is empty? Next step: run it with an empty list and compare the output with what the test expects.';
  }
  if (/Role: Mentor/.test(system)) {
    return 'Getting stuck is part of learning, and you have already done the hard part by starting. What is one small step you could finish in the next ten minutes?';
  }
  if (/Role: Project Guide/.test(system)) {
    return '1. Read the input.\n2. Process one case.\n3. Handle the edge cases.\n4. Print the result.\n\nWhich milestone will you start with?';
  }
  if (/Role: Assessor/.test(system)) {
    return 'Before we go on: in your own words, what would happen if the loop ran one extra time? What do you predict it prints?';
  }
  if (/STRICT/.test(user)) return 'Let us step back. Which concept from the lesson applies here? Try writing just the first line, then run it.';
  if (/asked for an example/.test(user) || /\bshow me an example\b/i.test(user)) {
    return 'Here is the same idea on a different problem:\n\n```python\ntotal = 0\nfor price in [3, 4]:\n    total = total + price\nprint(total)\n```\n\nHow could you use this pattern in your exercise?';
  }
  return 'Good question. Look at what your function returns for the first test: what value do you expect, and what do you get? Try printing it before the return, then run the check again.';
}

/**
 * A stand-in judge: "right" when the learner's answer repeats three words of the intent in a row
 * (all of a shorter one), quoting them as the brief asks; otherwise "wrong" with a question.
 */
function guidedVerdict(user: string): string {
  // Split as the app's answer check normalises (lesson-steps' normaliseAnswer), so the quotes match.
  const words = (text: string) =>
    text
      .toLowerCase()
      .split(/[\s.,;:!?"'`]+/)
      .filter(Boolean);
  const intent = words(/Intent \(secret, never reveal\): (.*)/.exec(user)?.[1] ?? '');
  const answer = ` ${words(/<<<\n([\s\S]*)\n>>>/.exec(user)?.[1] ?? '').join(' ')} `;
  const size = Math.min(3, intent.length);
  for (let start = 0; size > 0 && start + size <= intent.length; start++) {
    const run = intent.slice(start, start + size).join(' ');
    if (answer.includes(` ${run} `)) return JSON.stringify({ verdict: 'right', intent: run, evidence: run, followUp: '' });
  }
  return JSON.stringify({
    verdict: 'wrong',
    intent: '',
    evidence: '',
    followUp: 'What do you notice when you try it on a smaller example, one item at a time?',
  });
}
