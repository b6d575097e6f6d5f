import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliCaptured } from '../cli/testing-run-cli';

describe('drona org', () => {
  it('makes a key pair, signs org.yaml, verifies it, and refuses it once edited', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'drona-org-'));
    const at = (name: string) => path.join(dir, name);
    fs.mkdirSync(at('courses'));
    fs.writeFileSync(at('courses/intro.drona'), 'zip');
    fs.writeFileSync(at('org.yaml'), 'id: acme\nname: Acme\ncourses: [courses/intro.drona]\nlocked: [tutor]\n');
    expect((await runCliCaptured('org', 'keygen', '-o', at('org.key'))).code).toBe(0);
    expect((fs.statSync(at('org.key')).mode & 0o777).toString(8)).toBe('600');
    expect((await runCliCaptured('org', 'keygen', '-o', at('org.key'))).stderr).toMatch(/never overwrites/);

    const packed = await runCliCaptured('org', 'pack', at('org.yaml'), '-o', at('org.dronaorg'), '--key', at('org.key'), ...['--expires', '2099-01-01']);
    expect(packed).toMatchObject({ code: 0, stdout: expect.stringContaining('locked: tutor') });
    expect(await runCliCaptured('org', 'verify', at('org.dronaorg'), '--public-key', at('org.key.pub'))).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('valid until 2099-01-01'),
    });

    const edited = JSON.parse(fs.readFileSync(at('org.dronaorg'), 'utf8')) as { profile: { locked: string[] } };
    edited.profile.locked = [];
    fs.writeFileSync(at('org.dronaorg'), JSON.stringify(edited));
    expect(await runCliCaptured('org', 'verify', at('org.dronaorg'), '--public-key', at('org.key.pub'))).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/changed after it was signed/),
    });
  });

  it('refuses an invalid profile, a missing course and a wrong key with exit 1 and the reason', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'drona-org-'));
    fs.writeFileSync(path.join(dir, 'org.yaml'), 'id: acme\nname: Acme\ncourses: [gone.drona]\n');
    fs.writeFileSync(path.join(dir, 'bad.yaml'), 'id: acme\nname: Acme\nlocked: [wifi]\n');
    fs.writeFileSync(path.join(dir, 'not-a-key.pem'), 'hello');
    const pack = (file: string, key: string) =>
      runCliCaptured('org', 'pack', path.join(dir, file), '-o', path.join(dir, 'o.dronaorg'), '--key', path.join(dir, key));
    expect(await pack('bad.yaml', 'not-a-key.pem')).toMatchObject({ code: 1, stderr: expect.stringContaining('locked.0') });
    expect(await pack('org.yaml', 'not-a-key.pem')).toMatchObject({ code: 1, stderr: expect.stringContaining('gone.drona') });
    fs.writeFileSync(path.join(dir, 'org.yaml'), 'id: acme\nname: Acme\n');
    expect(await pack('org.yaml', 'not-a-key.pem')).toMatchObject({ code: 1, stderr: expect.stringContaining('not an Ed25519 private key') });
  });
});
