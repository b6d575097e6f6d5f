export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
  /** From now on, print this secret as [redacted]. */
  redact(secret: string): void;
}

/**
 * A logger that never prints a secret it was told about: serve mode's token is printed
 * once in the start-up line and redacted everywhere after.
 */
export function createLogger(write: (line: string) => void = (line) => process.stderr.write(`${line}\n`)): Logger {
  const secrets: string[] = [];
  const clean = (message: string) => secrets.reduce((text, secret) => text.split(secret).join('[redacted]'), message);
  const line = (level: string, message: string) => write(`${new Date().toISOString()} ${level} ${clean(message)}`);
  return {
    info: (message) => line('info', message),
    warn: (message) => line('warn', message),
    error: (message) => line('error', message),
    redact: (secret) => {
      if (secret) secrets.push(secret);
    },
  };
}

export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {}, redact: () => {} };
