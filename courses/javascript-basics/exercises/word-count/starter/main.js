/** Maps each lower-case word in text to how many times it appears. */
export function countWords(text) {
  const counts = {};
  for (const word of text.split(' ')) {
    counts[word] = 1;
  }
  return counts;
}

/** Returns [word, count] for the most frequent word (alphabetical on ties), or null. */
export function mostCommon(counts) {
  throw new Error('mostCommon is not implemented yet');
}

console.log(countWords('Go, go, GO! Stop.'));
