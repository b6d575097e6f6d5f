/**
 * Calls callback(null, age) when `text` is a whole number from 0 to 150,
 * otherwise callback(error) with an Error whose message is `not an age: "<text>"`.
 */
export function parseAge(text, callback) {
  // This passes the text through unchanged and never reports an error.
  callback(null, text);
}

/**
 * `read(name, callback)` reads a file the Node way: callback(error) or callback(null, contents).
 * Read `first`, then `second`, and call callback(null, [firstContents, secondContents]).
 * On an error, call callback(error) once and read nothing more.
 */
export function readBoth(read, first, second, callback) {
  callback(null, []);
}

parseAge('42', (error, age) => console.log(error ? error.message : `age ${age}`));
parseAge('old', (error, age) => console.log(error ? error.message : `age ${age}`));
