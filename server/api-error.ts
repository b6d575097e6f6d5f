import { HttpStatusError } from '../common/errors';
/** An error the API answers with as JSON `{ error: { code, message } }` and this status. */
export class ApiError extends HttpStatusError {}
