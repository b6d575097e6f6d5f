import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runCli } from './main.js';

/** A pretend file system and terminal: files in a Map, printed lines in arrays. */
function fakeIo(files = {}) {
  const io = {
    files: new Map(Object.entries(files)),
    out: [],
    err: [],
    async readFile(path) {
      if (!io.files.has(path)) throw Object.assign(new Error(`ENOENT: no such file or directory, open '${path}'`), { code: 'ENOENT' });
      return io.files.get(path);
    },
    async writeFile(path, text) {
      io.files.set(path, String(text));
    },
    print: (line) => io.out.push(String(line)),
    printError: (line) => io.err.push(String(line)),
  };
  return io;
}

/** Runs the command and describes what happened, for the failure messages. */
async function run(args, io) {
  let code;
  try {
    code = await runCli(args, io);
  } catch (error) {
    assert.fail(`runCli(${JSON.stringify(args)}) threw "${error.message}"; it should print problems with io.printError and resolve to an exit code`);
  }
  const what = `runCli(${JSON.stringify(args)}) resolved to ${code}, printed ${JSON.stringify(io.out)} and printed as errors ${JSON.stringify(io.err)}`;
  return { code, what };
}
const saved = (io) => {
  const text = io.files.get('notes.json');
  try {
    return text === undefined ? undefined : JSON.parse(text);
  } catch {
    return text;
  }
};

test('list with no notes file says so', async () => {
  const io = fakeIo();
  const { code, what } = await run(['list'], io);
  assert.deepEqual([code, io.out, io.err], [0, ['No notes yet.'], []], `${what}; expected exit code 0 and the one line "No notes yet."`);
});

test('add saves the note to notes.json', async () => {
  const io = fakeIo();
  const { code, what } = await run(['add', 'buy', 'milk'], io);
  assert.deepEqual([code, io.out], [0, ['Added note 1.']], `${what}; expected exit code 0 and "Added note 1."`);
  assert.deepEqual(saved(io), ['buy milk'], `after add, notes.json holds ${JSON.stringify(io.files.get('notes.json'))}; expected the JSON list ["buy milk"] (the words joined with spaces)`);
});

test('add keeps the notes already there', async () => {
  const io = fakeIo({ 'notes.json': '["call Ana"]' });
  const { code, what } = await run(['add', 'water plants'], io);
  assert.deepEqual([code, io.out], [0, ['Added note 2.']], `${what}; expected "Added note 2."`);
  assert.deepEqual(saved(io), ['call Ana', 'water plants'], `after add, notes.json holds ${JSON.stringify(io.files.get('notes.json'))}; expected ["call Ana", "water plants"]: load the notes, then add`);
});

test('list numbers the notes', async () => {
  const io = fakeIo({ 'notes.json': '["call Ana", "water plants"]' });
  const { code, what } = await run(['list'], io);
  assert.deepEqual([code, io.out], [0, ['1. call Ana', '2. water plants']], `${what}; expected exit code 0 and the lines "1. call Ana", "2. water plants"`);
});

test('remove deletes the numbered note', async () => {
  const io = fakeIo({ 'notes.json': '["a", "b", "c"]' });
  const { code, what } = await run(['remove', '2'], io);
  assert.deepEqual([code, io.out], [0, ['Removed note 2.']], `${what}; expected exit code 0 and "Removed note 2."`);
  assert.deepEqual(saved(io), ['a', 'c'], `after remove 2, notes.json holds ${JSON.stringify(io.files.get('notes.json'))}; expected ["a", "c"]`);
});

test('remove refuses a number that does not exist', async () => {
  for (const which of ['4', '0', 'two']) {
    const io = fakeIo({ 'notes.json': '["a", "b", "c"]' });
    const { code, what } = await run(['remove', which], io);
    assert.deepEqual([code, io.err], [1, [`No note number ${which}.`]], `${what}; expected exit code 1 and the error "No note number ${which}."`);
    assert.deepEqual(saved(io), ['a', 'b', 'c'], `after a refused remove, notes.json holds ${JSON.stringify(io.files.get('notes.json'))}; it should be unchanged`);
  }
});

test('no command or an unknown one prints the usage', async () => {
  for (const args of [[], ['delete', '1']]) {
    const io = fakeIo();
    const { code, what } = await run(args, io);
    assert.deepEqual([code, io.err], [2, ['Usage: notes add <text> | notes list | notes remove <number>']], `${what}; expected exit code 2 and the usage line as an error`);
  }
});

test('a damaged notes file is reported, not overwritten', async () => {
  const io = fakeIo({ 'notes.json': '["a", "b"' });
  const { code, what } = await run(['add', 'c'], io);
  assert.equal(code, 1, `${what}; expected exit code 1 for a damaged notes.json`);
  assert.match(io.err.join('\n'), /^notes\.json is damaged/, `${what}; expected an error starting "notes.json is damaged"`);
  assert.equal(io.files.get('notes.json'), '["a", "b"', `notes.json became ${JSON.stringify(io.files.get('notes.json'))}; a damaged file must be left as it was, so nothing is lost`);
});
