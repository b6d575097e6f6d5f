export function greet(name) {
  return name ? `Hello, ${name}!` : 'Hello, you!';
}
