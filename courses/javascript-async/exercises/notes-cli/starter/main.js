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
  return [];
}

/** Writes the notes to notes.json as a JSON array. */
export async function saveNotes(io, notes) {}

/**
 * Runs one command and resolves to the exit code: 0 when it worked, 1 when the command could
 * not be done (no such note, damaged file), 2 for a missing or unknown command (after printing USAGE).
 */
export async function runCli(args, io) {
  const [command] = args;
  if (command === 'list') {
    // Print each note as "1. text", or "No notes yet." when there are none.
    return 0;
  }
  return 0;
}
