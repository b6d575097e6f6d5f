import { shout } from './shout.js';

export function greet(name) {
  return shout(`Hello, ${name}!`);
}
