/** Reads "name,score" lines into [{ name, score }]; blank lines are skipped. */
export function parseScores(text) {
  return [];
}

/** { count, average (one decimal), best (the first top scorer's name, or null) }. */
export function summarise(records) {
  return { count: 0, average: 0, best: null };
}

/** 'A' from 90, 'B' from 80, 'C' from 70, else 'F'. */
export function gradeFor(score) {
  return 'F';
}

/** One "name: score (grade)" line per record, best first, ties by name. */
export function report(records) {
  return '';
}

const scores = parseScores('Ana,91\nBen,78\nCy,91');
console.log(summarise(scores));
console.log(report(scores));
