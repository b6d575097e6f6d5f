// Where the worker's code is: the built bundle beside the CLI in dist/main, or (tests, tsx
// scripts) the TypeScript source, loaded through tsx's loader in the worker.

export interface WorkerEntry {
  readonly code: string | URL;
  readonly eval: boolean;
  readonly url: string;
}

export function workerEntry(here: string = import.meta.url): WorkerEntry {
  if (!here.endsWith('.ts')) {
    const url = new URL('./sandbox-wasm-worker.js', here);
    return { code: url, eval: false, url: url.href };
  }
  const url = new URL('./worker.ts', here).href;
  // tsx's `--import` flag does not reach workers; registering its loader inside the worker does.
  const code = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(url)}); })`;
  return { code, eval: true, url };
}
