// Press Run to try main.js: this file uses it the way a program would. The tests import main.js only.
import { mapWithLimit } from './main.js';

const download = (name) => new Promise((resolve) => setTimeout(() => resolve(`${name} done`), 100));
const started = Date.now();
mapWithLimit(['a', 'b', 'c', 'd'], 2, download).then((results) => console.log(results, `in about ${Math.round((Date.now() - started) / 100) * 100} ms`));
