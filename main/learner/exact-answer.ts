/** A choice question is answered right when exactly its right options are chosen, in any order. Pure; quizzes and review cards share it. */
export function isExactAnswer(options: readonly { readonly correct: boolean }[], selected: Iterable<number>): boolean {
  const chosen = new Set(selected);
  const right = options.flatMap((option, index) => (option.correct ? [index] : []));
  return chosen.size === right.length && right.every((index) => chosen.has(index));
}
