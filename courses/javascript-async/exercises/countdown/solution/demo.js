// Press Run to try main.js: this file uses it the way a program would. The tests import main.js only.
import { countdown, later } from './main.js';

later(50, () => console.log('later: 50 ms have passed'));
countdown(3, (n) => console.log(n), () => console.log('Lift off!'), 100);
console.log('(the countdown has started)');
