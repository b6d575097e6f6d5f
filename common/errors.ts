// Error basics shared by the app and the hosted API; the contract re-exports them.

/**
 * The readable message of anything thrown or rejected: an Error's message, a thrown string, an
 * object's `message` field, else its string form. Never throws, so it is safe inside a catch.
 */
export function messageOf(error: unknown): string {
  try {
    if (error instanceof Error) return error.message;
    if (typeof error === 'string') return error;
    if (typeof error === 'object' && error !== null && 'message' in error && typeof error.message === 'string') return error.message;
    return String(error);
  } catch {
    return 'an error whose message could not be read';
  }
}

/** An HTTP answer with an error body `{ error: { code, message, details? } }`: the API throws it, the app's client reads it back. */
export class HttpStatusError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = new.target.name;
  }
}
