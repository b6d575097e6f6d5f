// A course's support/ folder: files the tests of several exercises share (a helper that reports
// how a promise settled, shapes every test builds). They are hidden like tests and staged beside
// them, flattened to the work folder's root, at every Check: the app's, an exam's,
// `drona course validate --run` and `drona check`. Never in argv: they are imported, not run.
import fs from 'node:fs';
import path from 'node:path';
import type { SandboxFile } from '../../../preload/contract/sandbox';
import { bundlePathRefusal } from './bundle-allow-list';
import type { BundleFiles } from './bundle-files';

export const SUPPORT_FOLDER = 'support';

/** The support files of a loaded bundle, by name. Pure. */
export function supportFilesOf(files: BundleFiles): SandboxFile[] {
  const prefix = `${SUPPORT_FOLDER}/`;
  return [...files.keys()]
    .filter((name) => name.startsWith(prefix))
    .sort()
    .map((name) => ({ path: name.slice(prefix.length), content: files.get(name)!.toString('utf8') }));
}

/** The support files of a course folder (installed or authored); none without support/. A file the allow-list refuses goes nowhere. */
export function readCourseSupport(courseDir: string): SandboxFile[] {
  const dir = path.join(courseDir, SUPPORT_FOLDER);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && bundlePathRefusal(`${SUPPORT_FOLDER}/${entry.name}`) === null)
    .map((entry) => entry.name)
    .sort()
    .map((name) => ({ path: name, content: fs.readFileSync(path.join(dir, name), 'utf8') }));
}
