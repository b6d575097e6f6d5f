// Press Run to try main.js: this file uses it the way a program would. The tests import main.js only.
import { loadAll } from './main.js';

const fetchUser = (id) => new Promise((resolve) => setTimeout(() => resolve({ id, name: `user ${id}` }), 100 - id * 10));
loadAll([1, 2, 3], fetchUser).then((users) => console.log(users));
