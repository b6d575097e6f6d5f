const DEFAULTS = { port: 8080, host: 'localhost', debug: false };

/** Parses JSON settings into { port, host, debug } with defaults; throws "invalid config: ..." on bad input. */
export function parseConfig(text) {
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new Error(`invalid config: ${error.message}`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('invalid config: expected an object');
  const { port, host, debug } = { ...DEFAULTS, ...parsed };
  if (!Number.isInteger(port)) throw new Error('invalid config: port must be a whole number');
  return { port, host, debug };
}
