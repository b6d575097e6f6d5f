/** Names of students scoring at least passMark, highest score first, ties by name. */
export function passingNames(results, passMark = 50) {
  return results
    .filter((result) => result.score >= passMark)
    .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name))
    .map((result) => result.name);
}

/** Mean score rounded to one decimal place, or 0 when there are no results. */
export function averageScore(results) {
  if (results.length === 0) return 0;
  const sum = results.reduce((total, result) => total + result.score, 0);
  return Math.round((sum / results.length) * 10) / 10;
}

const results = [
  { name: 'Ben', score: 48 },
  { name: 'Ana', score: 91 },
  { name: 'Cy', score: 75 },
  { name: 'Dee', score: 91 },
];
console.log(passingNames(results), averageScore(results));
