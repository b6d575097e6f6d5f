/**
 * Calls callback(null, age) when `text` is a whole number from 0 to 150,
 * otherwise callback(error) with an Error whose message is `not an age: "<text>"`.
 */
export function parseAge(text, callback) {
  const age = Number(text);
  if (text.trim() === '' || !Number.isInteger(age) || age < 0 || age > 150) {
    callback(new Error(`not an age: "${text}"`));
    return;
  }
  callback(null, age);
}

/**
 * `read(name, callback)` reads a file the Node way: callback(error) or callback(null, contents).
 * Read `first`, then `second`, and call callback(null, [firstContents, secondContents]).
 * On an error, call callback(error) once and read nothing more.
 */
export function readBoth(read, first, second, callback) {
  read(first, (error, a) => {
    if (error) return callback(error);
    read(second, (error2, b) => {
      if (error2) return callback(error2);
      callback(null, [a, b]);
    });
  });
}

parseAge('42', (error, age) => console.log(error ? error.message : `age ${age}`));
parseAge('old', (error, age) => console.log(error ? error.message : `age ${age}`));
