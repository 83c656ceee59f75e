// The one error a route throws to answer with something other than success:
// a status, a stable code for scripts, and a message for people.
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export function badRequest(message: string, details?: unknown): HttpError {
  return new HttpError(400, 'bad_request', message, details);
}

export function notFound(message: string): HttpError {
  return new HttpError(404, 'not_found', message);
}
