// Semantic Versioning 2.0.0 precedence (semver.org §11), for update decisions: build metadata
// is ignored, a pre-release sorts before its release, numeric identifiers before alphanumeric.

export interface Version {
  readonly major: number;
  readonly minor: number;
  readonly patch: number;
  readonly prerelease: readonly (string | number)[];
}

const NUMERIC = /^(0|[1-9]\d*)$/;
const IDENTIFIER = /^[0-9A-Za-z-]+$/;
const PATTERN = /^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;

export function parseVersion(text: string): Version | null {
  const match = PATTERN.exec(text.trim());
  if (!match) return null;
  const prerelease: (string | number)[] = [];
  if (match[4] !== undefined) {
    for (const part of match[4].split('.')) {
      if (!IDENTIFIER.test(part)) return null;
      if (/^\d+$/.test(part)) {
        // A numeric identifier with a leading zero is not valid semver.
        if (!NUMERIC.test(part)) return null;
        prerelease.push(Number(part));
      } else prerelease.push(part);
    }
  }
  const [major, minor, patch] = [match[1], match[2], match[3]].map(Number) as [number, number, number];
  if (![major, minor, patch].every(Number.isSafeInteger)) return null;
  return { major, minor, patch, prerelease };
}

const sign = (n: number) => (n < 0 ? -1 : n > 0 ? 1 : 0);

function compareIdentifiers(a: string | number, b: string | number): number {
  if (typeof a === 'number' && typeof b === 'number') return sign(a - b);
  if (typeof a === 'number') return -1;
  if (typeof b === 'number') return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** -1, 0 or 1 as a has lower, equal or higher precedence than b. */
export function compareVersions(a: Version, b: Version): number {
  const core = sign(a.major - b.major) || sign(a.minor - b.minor) || sign(a.patch - b.patch);
  if (core !== 0) return core;
  if (a.prerelease.length === 0 || b.prerelease.length === 0) return sign(b.prerelease.length - a.prerelease.length);
  for (let i = 0; i < Math.min(a.prerelease.length, b.prerelease.length); i++) {
    const order = compareIdentifiers(a.prerelease[i]!, b.prerelease[i]!);
    if (order !== 0) return order;
  }
  return sign(a.prerelease.length - b.prerelease.length);
}
