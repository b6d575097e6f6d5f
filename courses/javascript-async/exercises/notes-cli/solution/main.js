// A tiny notes tool: `notes add <text>`, `notes list`, `notes remove <number>`.
// runCli does no input or output of its own: everything goes through `io`, so the same code runs
// with the real file system (see the lesson) and with the pretend one the tests use.
//
// io.readFile(path)        -> Promise<string>; rejects with an error whose code is 'ENOENT' when the file does not exist
// io.writeFile(path, text) -> Promise<void>
// io.print(line)           -> writes a line to standard output
// io.printError(line)      -> writes a line to standard error

export const NOTES_FILE = 'notes.json';
export const USAGE = 'Usage: notes add <text> | notes list | notes remove <number>';

/** The notes saved in notes.json (a JSON array of strings); [] when there is no file yet. */
export async function loadNotes(io) {
  let text;
  try {
    text = await io.readFile(NOTES_FILE);
  } catch (error) {
    if (error.code === 'ENOENT') return [];
    throw error;
  }
  let notes;
  try {
    notes = JSON.parse(text);
  } catch (error) {
    throw new Error(`notes.json is damaged: ${error.message}`, { cause: error });
  }
  if (!Array.isArray(notes)) throw new Error('notes.json is damaged: it should hold a list of notes');
  return notes;
}

/** Writes the notes to notes.json as a JSON array. */
export async function saveNotes(io, notes) {
  await io.writeFile(NOTES_FILE, `${JSON.stringify(notes, null, 2)}\n`);
}

async function add(io, words) {
  const text = words.join(' ').trim();
  if (text === '') {
    io.printError('Nothing to add: write the note after "add".');
    return 1;
  }
  const notes = await loadNotes(io);
  notes.push(text);
  await saveNotes(io, notes);
  io.print(`Added note ${notes.length}.`);
  return 0;
}

async function list(io) {
  const notes = await loadNotes(io);
  if (notes.length === 0) io.print('No notes yet.');
  notes.forEach((note, index) => io.print(`${index + 1}. ${note}`));
  return 0;
}

async function remove(io, which) {
  const notes = await loadNotes(io);
  const n = Number(which);
  if (!Number.isInteger(n) || n < 1 || n > notes.length) {
    io.printError(`No note number ${which}.`);
    return 1;
  }
  notes.splice(n - 1, 1);
  await saveNotes(io, notes);
  io.print(`Removed note ${n}.`);
  return 0;
}

/**
 * Runs one command and resolves to the exit code: 0 when it worked, 1 when the command could
 * not be done (no such note, damaged file), 2 for a missing or unknown command (after printing USAGE).
 */
export async function runCli(args, io) {
  const [command, ...rest] = args;
  try {
    if (command === 'add') return await add(io, rest);
    if (command === 'list') return await list(io);
    if (command === 'remove') return await remove(io, rest[0]);
  } catch (error) {
    io.printError(error.message);
    return 1;
  }
  io.printError(USAGE);
  return 2;
}
