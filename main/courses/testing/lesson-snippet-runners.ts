// Test support: the programs that run lesson examples ("Try it" fences) and predict-output
// questions in one interpreter process per language, printing [{ where, output, error }] as JSON.

export const pythonSnippetRunner = `
import contextlib, io, json, sys
runs = []
for snippet in json.load(open(sys.argv[1], encoding="utf-8")):
    out = io.StringIO()
    error = None
    try:
        with contextlib.redirect_stdout(out):
            exec(compile(snippet["code"], snippet["where"], "exec"), {"__name__": "__main__"})
    except Exception as caught:
        error = f"{type(caught).__name__}: {caught}"
    runs.append({"where": snippet["where"], "output": out.getvalue(), "error": error})
print(json.dumps(runs))
`;

/**
 * Try it runs a JavaScript example as an ES module (main.js), so examples may use top-level await
 * and timers, and some import or export. Those with import/export run as a file of their own; the
 * rest run in a fresh vm context inside an async function, and the runner waits for their timers
 * (at most 5 s) so output printed later counts, as does an error thrown or rejected later.
 */
export const javascriptSnippetRunner = `
import fs from 'node:fs';
import vm from 'node:vm';
import { execFileSync } from 'node:child_process';
import { format } from 'node:util';
const runs = [];
let current = null;
const late = (caught) => { if (current && current.error === null) current.error = String(caught); };
process.on('unhandledRejection', late);
process.on('uncaughtException', late);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
for (const snippet of JSON.parse(fs.readFileSync(process.argv[2], 'utf8'))) {
  const run = { where: snippet.where, output: '', error: null };
  current = run;
  if (/^\\s*(import|export)\\s/m.test(snippet.code)) {
    fs.writeFileSync('snippet.mjs', snippet.code);
    try {
      run.output = execFileSync(process.execPath, ['snippet.mjs'], { encoding: 'utf8', timeout: 10000, stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (caught) {
      run.error = String(caught.stderr || caught);
    }
  } else {
    const pending = new Set();
    const track = (schedule, repeat) => (fn, ms, ...args) => {
      const handle = schedule(() => { if (!repeat) pending.delete(handle); fn(...args); }, ms);
      pending.add(handle);
      return handle;
    };
    const clear = (handle) => { pending.delete(handle); clearTimeout(handle); };
    const context = {
      console: { log: (...args) => { run.output += format(...args) + '\\n'; } },
      setTimeout: track(setTimeout, false),
      setInterval: track(setInterval, true),
      clearTimeout: clear,
      clearInterval: clear,
    };
    try {
      await vm.runInNewContext('(async () => {\\n' + snippet.code + '\\n})()', context, { filename: snippet.where, timeout: 5000 });
      for (const end = Date.now() + 5000; pending.size > 0 && Date.now() < end; ) await sleep(5);
      for (const handle of pending) clear(handle);
    } catch (caught) {
      late(caught);
    }
    await sleep(0);
  }
  runs.push(run);
}
current = null;
process.stdout.write(JSON.stringify(runs));
`;
