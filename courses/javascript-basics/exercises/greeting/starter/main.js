/** Returns a greeting such as "Hello, Ada!" for the given name. */
export function makeGreeting(name) {
  throw new Error('makeGreeting is not implemented yet');
}

// When makeGreeting works, try it here: console.log(makeGreeting('Ada'));
