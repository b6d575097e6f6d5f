// The browser is opened on a file only this user can read, which forwards to serve mode with
// the token (Jupyter does the same): whatever a launcher gets in its arguments (xdg-open, the
// browser) every user on the computer can read in `ps`; a file's path is no secret.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export interface LaunchFile {
  /** file:// URL of the page, safe to pass on a command line. */
  readonly url: string;
  readonly path: string;
  remove(): void;
}

const attribute = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** Writes the page into a fresh 0700 folder as 0600; `target` is the URL carrying the token. */
export function writeLaunchFile(target: string, parent = os.tmpdir()): LaunchFile {
  const dir = fs.mkdtempSync(path.join(parent, 'drona-serve-')); // mkdtemp creates it 0700
  const file = path.join(dir, 'open.html');
  const href = attribute(target);
  const html = [
    '<!doctype html>',
    '<meta charset="utf-8">',
    `<meta http-equiv="refresh" content="0;url=${href}">`,
    '<title>Opening Dronacharya</title>',
    `<p>Opening Dronacharya… If nothing happens, <a href="${href}">open it here</a>.</p>`,
    '',
  ].join('\n');
  // 'wx': never write through a file or link someone else put there first.
  fs.writeFileSync(file, html, { mode: 0o600, flag: 'wx' });
  return {
    url: pathToFileURL(file).href,
    path: file,
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}
