import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareVersions, parseVersion, type Version } from './semver';

const v = (text: string): Version => {
  const parsed = parseVersion(text);
  if (!parsed) throw new Error(`not a version: ${text}`);
  return parsed;
};

// semver.org §11's own example, in ascending precedence, plus neighbours around it.
const ORDERED = [
  '0.9.9',
  '1.0.0-0',
  '1.0.0-9',
  '1.0.0-10',
  '1.0.0-alpha',
  '1.0.0-alpha.1',
  '1.0.0-alpha.beta',
  '1.0.0-beta',
  '1.0.0-beta.2',
  '1.0.0-beta.11',
  '1.0.0-rc.1',
  '1.0.0',
  '1.0.1-beta.1',
  '1.0.1',
  '1.1.0',
  '1.10.0',
  '2.0.0',
  '10.0.0',
];

const versionArb = fc
  .record({
    major: fc.nat(20),
    minor: fc.nat(20),
    patch: fc.nat(20),
    prerelease: fc.array(fc.oneof(fc.nat(12), fc.constantFrom('alpha', 'beta', 'rc', 'x-1')), { maxLength: 3 }),
  })
  .map(({ major, minor, patch, prerelease }) => `${major}.${minor}.${patch}${prerelease.length ? `-${prerelease.join('.')}` : ''}`);

describe('semver', () => {
  it('orders every pair of the specification’s example list as the list does', () => {
    for (let i = 0; i < ORDERED.length; i++) {
      for (let j = 0; j < ORDERED.length; j++) expect(compareVersions(v(ORDERED[i]!), v(ORDERED[j]!)), `${ORDERED[i]} vs ${ORDERED[j]}`).toBe(Math.sign(i - j));
    }
  });

  it('ignores build metadata and a leading v', () => {
    expect(compareVersions(v('1.2.3+build.7'), v('v1.2.3'))).toBe(0);
  });

  it('refuses what is not semver', () => {
    for (const text of ['1.2', '1.2.3.4', '01.2.3', '1.2.3-01', '1.2.3-', '1.2.3-a..b', 'latest', '', '1.2.3-beta_1', '99999999999999999999.0.0']) {
      expect(parseVersion(text), text).toBeNull();
    }
  });

  it('is a total order: antisymmetric, transitive, reflexive', () => {
    fc.assert(
      fc.property(versionArb, versionArb, versionArb, (a, b, c) => {
        const [x, y, z] = [v(a), v(b), v(c)];
        expect(compareVersions(x, x)).toBe(0);
        // Antisymmetric: the two orders cancel out (a sum, so an equal pair's 0 and -0 compare equal).
        expect(compareVersions(x, y) + compareVersions(y, x)).toBe(0);
        if (compareVersions(x, y) <= 0 && compareVersions(y, z) <= 0) expect(compareVersions(x, z)).toBeLessThanOrEqual(0);
      }),
      { numRuns: 2000 },
    );
  });

  it('puts every pre-release before its release and after the previous patch', () => {
    fc.assert(
      fc.property(versionArb, (text) => {
        const parsed = v(text);
        const release = { ...parsed, prerelease: [] };
        if (parsed.prerelease.length) expect(compareVersions(parsed, release)).toBe(-1);
        expect(compareVersions(parsed, { ...release, patch: release.patch + 1, prerelease: ['beta', 1] })).toBe(-1);
      }),
    );
  });
});
