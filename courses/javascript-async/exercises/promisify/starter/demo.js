// Press Run to try main.js: this file uses it the way a program would. The tests import main.js only.
import { delay } from './main.js';

delay(200, 'two hundred milliseconds later').then((text) => console.log(text));
