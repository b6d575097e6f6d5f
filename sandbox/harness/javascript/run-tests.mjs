// Loads the check's test files one after another in this process, so node:test runs their
// tests in file order and the Dronacharya reporter sees every one. A file that cannot load
// (a syntax error in the learner's code, say) is reported on stderr and fails the run.
import { pathToFileURL } from 'node:url';
import path from 'node:path';

for (const file of process.argv.slice(2)) {
  try {
    await import(pathToFileURL(path.resolve(file)).href);
  } catch (error) {
    process.stderr.write(`${error && error.stack ? error.stack : String(error)}\n`);
    process.exitCode = 1;
  }
}
