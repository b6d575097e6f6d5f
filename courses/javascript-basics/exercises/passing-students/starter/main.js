/** Names of students scoring at least passMark, highest score first, ties by name. */
export function passingNames(results, passMark = 50) {
  return results.map((result) => result.name);
}

/** Mean score rounded to one decimal place, or 0 when there are no results. */
export function averageScore(results) {
  throw new Error('averageScore is not implemented yet');
}

const results = [
  { name: 'Ben', score: 48 },
  { name: 'Ana', score: 91 },
  { name: 'Cy', score: 75 },
  { name: 'Dee', score: 91 },
];
console.log(passingNames(results));
