// Opening a .drona file (double-click, "Open with", the file association in electron-builder.yml)
// imports it through the same contract call, and so the same checks, as the import button.
import fs from 'node:fs';
import path from 'node:path';
import { messageOf } from '../../preload/contract/errors';
import type { DronaApp } from '../app/create-app';
import { dispatchCall } from '../ipc/dispatch';

/** The .drona paths among a start's arguments (Windows and Linux pass the opened file there). */
export const bundlePathsIn = (argv: readonly string[]) => argv.slice(1).filter((arg) => !arg.startsWith('-') && arg.toLowerCase().endsWith('.drona'));

export async function openBundle(drona: DronaApp, file: string): Promise<void> {
  const log = (level: 'info' | 'warn', message: string) => {
    drona.logger[level](`open: ${message}`);
    drona.events.emit('app.log', { level, source: 'courses', message });
  };
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    log('warn', `${file} could not be read: ${messageOf(error)}`);
    return;
  }
  const input = { fileName: path.basename(file), dataBase64: bytes.toString('base64') };
  const result = await dispatchCall(drona.handlers, 'courses.import', input, { sessionId: 'open-file', events: drona.events }, drona.logger);
  if (result.ok) log('info', `${path.basename(file)} imported`);
  else log('warn', result.error.message);
}
