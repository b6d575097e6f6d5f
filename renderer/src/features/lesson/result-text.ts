// Test results in the learner's words: a test's code name read as a sentence, and the sandbox's
// absolute paths ("/work/main.py", "file:///tmp/run-1/main.js") shown as the learner's file names.
// Pure.

/** "test_greeting.py::TestGreeting::test_greets_ada" → "Greets ada"; a name already in words stays. */
export function humanTestName(name: string): string {
  const last = name.split('::').at(-1) ?? name;
  if (/\s/.test(last)) return last;
  const words = last
    .replace(/^test_?/i, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/_+/g, ' ')
    .trim()
    .toLowerCase();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : name;
}

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Every absolute path that ends in one of the learner's files, as that file's own name. */
export function learnerPaths(text: string, files: readonly string[]): string {
  let shown = text;
  for (const file of files) {
    // Folders are "/"-separated runs without "/", so the pattern cannot backtrack over them.
    const pattern = new RegExp(`(?:file://)?/(?:[^\\s"'():/]+/)*${escapeRegex(file)}(?![\\w.])`, 'g');
    shown = shown.replace(pattern, file);
  }
  // The sandbox's own work folder holds the tests too: named from the lesson folder as well.
  return shown.replace(/(?:file:\/\/)?\/work\//g, '');
}

/** The first failure first: failing tests before passing ones, each group in the runner's order. */
export function failuresFirst<T extends { status: string }>(tests: readonly T[]): T[] {
  return [...tests.filter((test) => test.status !== 'pass'), ...tests.filter((test) => test.status === 'pass')];
}
