export function greet(name) {
  while (true) {}
}
