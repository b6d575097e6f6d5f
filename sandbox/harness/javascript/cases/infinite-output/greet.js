export function greet(name) {
  for (;;) console.log('spam '.repeat(100));
}
