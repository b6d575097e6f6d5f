/** Returns a greeting such as "Hello, Ada!" for the given name. */
export function makeGreeting(name) {
  return `Hello, ${name}!`;
}

console.log(makeGreeting('Ada'));
