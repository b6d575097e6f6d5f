// Evaluated in every QuickJS context before the learner's code: console, process.stdout/stderr,
// process.exit/exitCode, timers, as much of Node's globals as exercises use. Host functions
// (__drona_write, __drona_timer, __drona_exit) are set by the worker (js-runtime.ts).
/* global __drona_write, __drona_timer, __drona_exit */
(() => {
  const inspect = (value, depth = 0, seen = new Set()) => {
    if (typeof value === 'string') return depth === 0 ? value : `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'").replaceAll('\n', '\\n')}'`;
    if (typeof value === 'bigint') return `${value}n`;
    if (typeof value === 'symbol') return value.toString();
    if (typeof value === 'function') return value.name ? `[Function: ${value.name}]` : '[Function (anonymous)]';
    if (value === null || typeof value !== 'object') return Object.is(value, -0) ? '-0' : String(value);
    if (seen.has(value)) return '[Circular *1]';
    if (value instanceof Error) return value.stack ? `${value.name}: ${value.message}\n${value.stack}`.trimEnd() : `${value.name}: ${value.message}`;
    if (depth > 2) return Array.isArray(value) ? '[Array]' : '[Object]';
    seen.add(value);
    const inner = (item) => inspect(item, depth + 1, seen);
    let text;
    if (Array.isArray(value)) text = value.length ? `[ ${value.map(inner).join(', ')} ]` : '[]';
    else if (value instanceof Map)
      text = `Map(${value.size}) {${value.size ? ` ${[...value].map(([k, v]) => `${inner(k)} => ${inner(v)}`).join(', ')} ` : ''}}`;
    else if (value instanceof Set) text = `Set(${value.size}) {${value.size ? ` ${[...value].map(inner).join(', ')} ` : ''}}`;
    else if (value instanceof Date) text = value.toISOString();
    else {
      const keys = Object.keys(value);
      const key = (k) => (/^[A-Za-z_$][\w$]*$/.test(k) ? k : `'${k}'`);
      const name = value.constructor && value.constructor !== Object && value.constructor.name ? `${value.constructor.name} ` : '';
      text = keys.length ? `${name}{ ${keys.map((k) => `${key(k)}: ${inner(value[k])}`).join(', ')} }` : `${name}{}`;
    }
    seen.delete(value);
    return text;
  };
  const format = (args) => {
    if (typeof args[0] === 'string' && /%[sdifjoO%]/.test(args[0])) {
      let index = 1;
      const head = args[0].replace(/%([sdifjoO%])/g, (match, kind) => {
        if (kind === '%') return '%';
        if (index >= args.length) return match;
        const arg = args[index++];
        if (kind === 'd' || kind === 'i') return String(kind === 'i' ? parseInt(arg, 10) : Number(arg));
        if (kind === 'f') return String(parseFloat(arg));
        if (kind === 'j') return JSON.stringify(arg);
        return kind === 's' && typeof arg === 'string' ? arg : inspect(arg, 1);
      });
      return [head, ...args.slice(index).map((arg) => inspect(arg))].join(' ');
    }
    return args.map((arg) => inspect(arg)).join(' ');
  };
  // node:test's shim keeps the output of the test that wrote it (__drona_onOutput).
  const emit = (fd, text) => {
    globalThis.__drona_onOutput?.(text);
    // The host reads the text as a C string, which a NUL would end: it shows as U+FFFD, as any driver shows it.
    __drona_write(fd, text.replaceAll('\0', '\uFFFD'));
  };
  const out =
    (fd) =>
    (...args) =>
      emit(fd, `${format(args)}\n`);
  globalThis.console = {
    log: out(1),
    info: out(1),
    debug: out(1),
    error: out(2),
    warn: out(2),
    trace: out(2),
    table: out(1),
    dir: (value) => emit(1, `${inspect(value, 1)}\n`),
  };
  const stream = (fd) => ({ write: (chunk) => (emit(fd, typeof chunk === 'string' ? chunk : String.fromCharCode(...chunk)), true), isTTY: false });
  class ProcessExit extends Error {}
  globalThis.process = {
    argv: ['node', '/work/main.js'],
    env: {},
    platform: 'wasm',
    exitCode: undefined,
    stdout: stream(1),
    stderr: stream(2),
    exit(code) {
      __drona_exit(code === undefined ? (process.exitCode ?? 0) : code);
      throw new ProcessExit('process.exit');
    },
    hrtime: { bigint: () => BigInt(Math.round(Date.now() * 1e6)) },
    memoryUsage: () => ({ heapUsed: 0, rss: 0 }),
    nextTick: (fn, ...args) => Promise.resolve().then(() => fn(...args)),
  };
  globalThis.__drona_inspect = inspect;
  globalThis.__drona_format = format;
  globalThis.__drona_ProcessExit = ProcessExit;
  const timer =
    (repeat) =>
    (fn, ms = 0, ...args) =>
      __drona_timer(() => fn(...args), Math.max(0, Number(ms) || 0), repeat);
  globalThis.setTimeout = timer(false);
  globalThis.setInterval = timer(true);
  globalThis.setImmediate = (fn, ...args) => __drona_timer(() => fn(...args), 0, false);
  globalThis.clearTimeout = globalThis.clearInterval = globalThis.clearImmediate = (id) => __drona_timer(null, id, false);
  globalThis.queueMicrotask = (fn) => Promise.resolve().then(fn);
  globalThis.structuredClone = (value) => JSON.parse(JSON.stringify(value));
})();
