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
