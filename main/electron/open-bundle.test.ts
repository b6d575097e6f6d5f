import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type DronaApp } from '../app/create-app';
import { silentLogger } from '../app/logger';
import { dispatchCall } from '../ipc/dispatch';
import { packBundle } from '../courses/bundle/course-pack';
import { tinyCourse } from '../courses/testing/temp-course-service';
import { useTempDirs } from '../testing/temp-dirs';
import { bundlePathsIn, openBundle } from './open-bundle';

const tempDir = useTempDirs('drona-open-');
const apps: DronaApp[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()));
});

describe('opening a .drona file with the app (the file association)', () => {
  it('takes the .drona paths among the start arguments, not flags or other files', () => {
    expect(bundlePathsIn(['/opt/Dronacharya/dronacharya', '--data-dir=/x', '/home/a/Python.DRONA', 'notes.txt', 'b.drona'])).toEqual([
      '/home/a/Python.DRONA',
      'b.drona',
    ]);
    expect(bundlePathsIn(['dronacharya.exe'])).toEqual([]);
  });

  it("imports a bundle with the import button's checks, and says why one is refused or unreadable", async () => {
    const dir = tempDir();
    const app = createApp({ dataDir: dir, mode: 'electron', version: '0.0.0-test', logger: silentLogger, backgroundWork: false, builtinCoursesDir: null });
    apps.push(app);
    const lines: string[] = [];
    app.events.subscribe((name, payload) => {
      if (name === 'app.log') lines.push(`${(payload as { level: string }).level}: ${(payload as { message: string }).message}`);
    });
    const good = path.join(dir, 'tiny.drona');
    fs.writeFileSync(good, await packBundle(tinyCourse(), 'tiny-course', '1.0.0'));
    const bad = path.join(dir, 'broken.drona');
    fs.writeFileSync(bad, 'not a zip');

    await openBundle(app, good);
    await openBundle(app, bad);
    await openBundle(app, path.join(dir, 'missing.drona'));
    const listed = await dispatchCall(app.handlers, 'courses.list', {}, { sessionId: 's', events: app.events }, silentLogger);
    expect(listed).toMatchObject({ ok: true, value: [{ id: 'tiny-course' }] });
    expect(lines[0]).toBe('info: tiny.drona imported');
    expect(lines[1]).toMatch(/^warn: .*broken\.drona|^warn: .*zip/i);
    expect(lines[2]).toMatch(/^warn: .*missing\.drona could not be read/);
  }, 30_000);
});
