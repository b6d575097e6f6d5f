/** A mistake the user can fix (exit 1); anything else thrown is an internal error (exit 2). */
export class CliUserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliUserError';
  }
}
