/** Maps each lower-case word in text to how many times it appears. */
export function countWords(text) {
  const counts = {};
  for (const word of text.toLowerCase().match(/[a-z0-9']+/g) ?? []) {
    counts[word] = (counts[word] ?? 0) + 1;
  }
  return counts;
}

/** Returns [word, count] for the most frequent word (alphabetical on ties), or null. */
export function mostCommon(counts) {
  const entries = Object.entries(counts);
  if (entries.length === 0) return null;
  entries.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return entries[0];
}

console.log(countWords('Go, go, GO! Stop.'), mostCommon(countWords('Go, go, GO! Stop.')));
