// For tests: an organisation folder as `drona org pack` leaves it, signed with a fresh key.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { packBundle } from '../courses/bundle/course-pack';
import { tinyCourse } from '../courses/testing/temp-course-service';
import { parseOrgProfile } from './org-profile';
import { sha256Hex, signOrgProfile } from './org-signature';

export const LOGO = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8"><rect width="8" height="8" fill="#0b7285"/></svg>';

/** An org folder as `drona org pack` leaves it: org.dronaorg beside its logo and course. */
export async function orgFolder(extraYaml = ''): Promise<{ dir: string; file: string; publicPem: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'drona-org-'));
  fs.writeFileSync(path.join(dir, 'logo.svg'), LOGO);
  fs.mkdirSync(path.join(dir, 'courses'));
  fs.writeFileSync(path.join(dir, 'courses', 'tiny.drona'), await packBundle(tinyCourse(), 'tiny-course', '1.0.0'));
  const profile = parseOrgProfile(`
id: acme
name: Acme Bootcamp
logo: logo.svg
accentColor: "#ffe066"
certificateIssuer: Acme Bootcamp Ltd
syncServer: http://127.0.0.1:9
tutor: { provider: ollama, model: qwen2.5-coder:7b, baseUrl: http://10.1.2.3:11434, dailyBudget: 50 }
courses: [courses/tiny.drona]
requiredPath: [tiny-course, later-course]
${extraYaml}`);
  const { privateKey, publicKey } = crypto.generateKeyPairSync('ed25519');
  const files = Object.fromEntries(['logo.svg', 'courses/tiny.drona'].map((f) => [f, sha256Hex(fs.readFileSync(path.join(dir, f)))]));
  const file = path.join(dir, 'org.dronaorg');
  fs.writeFileSync(file, signOrgProfile(profile, privateKey, new Date(), null, files));
  return { dir, file, publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString() };
}
