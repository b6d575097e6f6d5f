// Semantic-version order for upgrades: an imported course only moves forward.

/** -1, 0 or 1; pre-release suffixes sort before the release. */
export function compareVersions(a: string, b: string): number {
  const [coreA, preA] = a.split('-', 2) as [string, string | undefined];
  const [coreB, preB] = b.split('-', 2) as [string, string | undefined];
  const partsA = coreA.split('.').map(Number);
  const partsB = coreB.split('.').map(Number);
  for (let i = 0; i < 3; i++) {
    if ((partsA[i] ?? 0) !== (partsB[i] ?? 0)) return (partsA[i] ?? 0) < (partsB[i] ?? 0) ? -1 : 1;
  }
  if (preA === preB) return 0;
  if (preA === undefined) return 1;
  if (preB === undefined) return -1;
  return preA < preB ? -1 : 1;
}
