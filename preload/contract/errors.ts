import { z } from 'zod';

/** Every failed call reaches the caller in this shape, whatever the transport. */
export const callErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  details: z.unknown().optional(),
});
export type CallErrorShape = z.infer<typeof callErrorSchema>;

/** Codes shared by every domain; domains may use their own codes too. */
export type CommonErrorCode = 'invalid_input' | 'unknown_call' | 'internal' | 'not_found' | 'conflict' | 'store_unavailable';

/**
 * Thrown by handlers for failures the learner should read (the message is shown as is),
 * and rethrown by clients so the renderer can branch on `code`.
 */
export class DronaError extends Error {
  readonly code: string;
  readonly details: unknown;
  constructor(code: CommonErrorCode | (string & {}), message: string, details?: unknown) {
    super(message);
    this.name = 'DronaError';
    this.code = code;
    this.details = details;
  }

  toShape(): CallErrorShape {
    return this.details === undefined ? { code: this.code, message: this.message } : { code: this.code, message: this.message, details: this.details };
  }

  static fromShape(shape: CallErrorShape): DronaError {
    return new DronaError(shape.code, shape.message, shape.details);
  }
}

// The readable message of anything thrown: declared in common/ (the hosted API uses it too).
export { messageOf } from '../../common/errors';
