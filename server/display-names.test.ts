// Spoofing with display names: a right-to-left override makes "Asha\u202Eredlo\u202C" read as
// "Ashaolder" and can flip the text around it on the verification page and the boards. New names
// with invisible or direction-changing characters are refused; names stored before are shown
// isolated, so they cannot reorder the page around them.
import { expect, it } from 'vitest';
import { describeWhen } from '../common/testing/capabilities';
import { sql } from './db/database';
import { defaultPlausibility } from '../common/rules/plausibility';
import { useTestApi, testDatabaseUrl, type Engine } from './testing/api-harness';

const now = Date.UTC(2026, 10, 23, 12);
const admin = 'display-names-admin';

function suite(engine: Engine) {
  const t = useTestApi(engine, { now: () => now, adminToken: admin, plausibility: defaultPlausibility });

  it('refuses bidi overrides, isolates, marks, zero-width and other control characters in new names', async () => {
    const spoofs = [
      'Asha\u202Eredlo\u202C',
      'A\u202Ab',
      'A\u202Bb',
      'A\u202Db',
      'A\u2066b\u2069',
      'A\u2067b',
      'A\u2068b',
      'Top\u200E',
      'Top\u200F',
      'Zero\u200Bwidth',
      'Jo\u200Dined',
      'Non\u200Cjoin',
      'B\uFEFFom',
      'Bell\u0007',
      'New\nline',
      'Soft\u00ADhyphen',
      'Line\u2028sep',
      'Private\uE000use',
      'Arabic\u061Cmark',
    ];
    for (const displayName of spoofs) {
      const res = await t.request('POST', '/v1/learners', { body: { displayName, timezone: 'UTC' } });
      expect(res.status, JSON.stringify(displayName)).toBe(400);
      expect(JSON.stringify(res.json.error)).toMatch(/displayName.*invisible or direction-changing character U\+[0-9A-F]{4}/);
    }
    const { accessToken } = (await t.request('POST', '/v1/learners', { body: { displayName: 'Ok', timezone: 'UTC' } })).json;
    expect((await t.request('PATCH', '/v1/me', { token: accessToken, body: { displayName: 'Ok\u202Egnihtemos' } })).status).toBe(400);
    // Right-to-left scripts, accents and emoji are names like any other.
    for (const displayName of ['أحمد', 'דוד', 'Zoë Ångström', '李小龍', 'Ana 🚀']) {
      expect((await t.request('POST', '/v1/learners', { body: { displayName, timezone: 'UTC' } })).status, displayName).toBe(201);
    }
  });

  it('shows a name stored before the rule isolated on the verification page', async () => {
    const course = {
      id: 'bidi',
      version: '1.0.0',
      title: 'Bidi Course',
      modules: [{ id: 'm', title: 'M', lessons: [{ id: 'l', type: 'concept', title: 'L' }] }],
    };
    await t.request('PUT', '/v1/admin/courses/bidi', { token: admin, body: course });
    const learner = (await t.request('POST', '/v1/learners', { body: { displayName: 'Legacy', timezone: 'UTC' } })).json;
    // A legacy name, stored before names were checked.
    await t.db.query(sql`update learners set display_name = ${'Mallory\u202E Revoked \u202C'} where id = ${learner.learnerId}`);
    await t.request('POST', '/v1/events', {
      token: learner.accessToken,
      body: {
        events: [
          {
            idempotencyKey: 'b1',
            kind: 'lesson-completed',
            courseId: 'bidi',
            lessonId: 'l',
            occurredAt: now - 3600_000,
            timezone: 'UTC',
            activeSeconds: 300,
            facts: {},
          },
        ],
      },
    });
    const issued = await t.request('POST', '/v1/certificates', { token: learner.accessToken, body: { courseId: 'bidi', tier: 'bronze' } });
    expect(issued.status).toBe(201);
    const page: string = (await t.request('GET', `/verify/${issued.json.id}`)).json;
    expect(page).toContain('<dd id="earner"><bdi dir="auto">Mallory\u202E Revoked \u202C</bdi></dd>');
    expect(page).toContain('<h1><bdi dir="auto">Bidi Course</bdi>: Bronze certificate</h1>');
    // Outside <bdi> (and the title's own isolate), no override is left open to reorder the verdict or the rest of the page.
    const outside = page.replace(/<bdi dir="auto">[^<]*<\/bdi>/g, '').replace(/<title>\u2068[^<\u2068\u2069]*\u2069/, '');
    expect(outside).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
    expect(page).toMatch(/<title>\u2068Bidi Course\u2069: Bronze certificate<\/title>/);
  });
}

describeWhen(true, 'PGlite', 'display names on PGlite', () => suite('pglite'));
describeWhen(Boolean(testDatabaseUrl), 'a PostgreSQL in DRONA_TEST_DATABASE_URL', 'display names on PostgreSQL', () => suite('postgresql'));
