// Preloaded into every JavaScript run: makes stdout and stderr blocking, so a program that
// prints in a tight loop is held back by the reader (and meets the output limit) instead of
// queueing its output in memory until the heap runs out.
for (const stream of [process.stdout, process.stderr]) {
  if (stream._handle && typeof stream._handle.setBlocking === 'function') stream._handle.setBlocking(true);
}
