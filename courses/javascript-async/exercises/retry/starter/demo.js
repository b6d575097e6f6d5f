// Press Run to try main.js: this file uses it the way a program would. The tests import main.js only.
import { retry } from './main.js';

const flaky = async (attempt) => {
  if (attempt < 3) throw new Error(`attempt ${attempt} failed`);
  return `worked on attempt ${attempt}`;
};
retry(flaky, 5).then(console.log, (error) => console.log('gave up:', error.message));
