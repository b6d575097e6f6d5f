// The level curve. Anchors from issue #7: level 1 at 0 XP, 10 at 5,000, 25 at 25,000,
// 50 at 100,000 and 100 at 500,000. Between two anchors every level costs the same, so the
// cost per level steps up at each anchor (≈556, ≈1,333, 3,000 and 8,000 XP) and the XP needed
// for a level is strictly increasing. Level 100 is the cap; XP beyond it is kept.

export const MAX_LEVEL = 100;
const ANCHORS: readonly (readonly [level: number, xp: number])[] = [
  [1, 0],
  [10, 5_000],
  [25, 25_000],
  [50, 100_000],
  [100, 500_000],
];

/** The total XP at which `level` starts (1 ≤ level ≤ 100). */
export function xpForLevel(level: number): number {
  if (!Number.isInteger(level) || level < 1 || level > MAX_LEVEL) throw new RangeError(`level must be an integer from 1 to ${MAX_LEVEL}, got ${level}`);
  for (let i = 1; i < ANCHORS.length; i++) {
    const [toLevel, toXp] = ANCHORS[i]!;
    if (level <= toLevel) {
      const [fromLevel, fromXp] = ANCHORS[i - 1]!;
      return Math.round(fromXp + ((level - fromLevel) * (toXp - fromXp)) / (toLevel - fromLevel));
    }
  }
  return ANCHORS[ANCHORS.length - 1]![1];
}

const THRESHOLDS = Array.from({ length: MAX_LEVEL }, (_, i) => xpForLevel(i + 1));

/** The level for a total XP: the highest level whose start is ≤ xp (binary search). */
export function levelFor(totalXp: number): number {
  let low = 0;
  let high = MAX_LEVEL - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (THRESHOLDS[mid]! <= totalXp) low = mid;
    else high = mid - 1;
  }
  return low + 1;
}

/** Where a total sits inside its level, for the HUD's bar. */
export function levelProgress(totalXp: number): { level: number; levelStartXp: number; nextLevelXp: number | null } {
  const level = levelFor(totalXp);
  return { level, levelStartXp: THRESHOLDS[level - 1]!, nextLevelXp: level < MAX_LEVEL ? THRESHOLDS[level]! : null };
}
