/** Reads "name,score" lines into [{ name, score }]; blank lines are skipped. */
export function parseScores(text) {
  const records = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const [name, raw] = line.split(',');
    const score = Number(raw);
    if (raw === undefined || raw.trim() === '' || Number.isNaN(score)) throw new Error(`"${line.trim()}" has no numeric score`);
    records.push({ name: name.trim(), score });
  }
  return records;
}

/** { count, average (one decimal), best (the first top scorer's name, or null) }. */
export function summarise(records) {
  if (records.length === 0) return { count: 0, average: 0, best: null };
  const total = records.reduce((sum, record) => sum + record.score, 0);
  let best = records[0];
  for (const record of records) if (record.score > best.score) best = record;
  return { count: records.length, average: Math.round((total / records.length) * 10) / 10, best: best.name };
}

/** 'A' from 90, 'B' from 80, 'C' from 70, else 'F'. */
export function gradeFor(score) {
  if (score >= 90) return 'A';
  if (score >= 80) return 'B';
  if (score >= 70) return 'C';
  return 'F';
}

/** One "name: score (grade)" line per record, best first, ties by name. */
export function report(records) {
  return [...records]
    .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name))
    .map(({ name, score }) => `${name}: ${score} (${gradeFor(score)})`)
    .join('\n');
}

const scores = parseScores('Ana,91\nBen,78\nCy,91');
console.log(summarise(scores));
console.log(report(scores));
