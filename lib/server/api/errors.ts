// Every API failure leaves as Tacker's error body: {"TackerError": {"type", "message", "detail"}}.
// `type` keeps Tacker's exception names so existing clients can match on them.

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
    readonly detail: unknown = '',
  ) {
    super(message);
  }
}

export const badRequest = (message: string, detail: unknown = '') => new ApiError(400, 'BadRequest', message, detail);
export const unauthorized = (message = 'Authentication required') => new ApiError(401, 'NotAuthorized', message);
export const forbidden = (message = 'Policy does not allow this operation') => new ApiError(403, 'PolicyNotAuthorized', message);
export const notFound = (what: string, id?: string) =>
  new ApiError(404, `${what}NotFound`, id ? `${what} ${id} could not be found` : `${what} could not be found`);
export const conflict = (type: string, message: string, detail: unknown = '') => new ApiError(409, type, message, detail);

export function errorBody(err: ApiError) {
  return { TackerError: { type: err.type, message: err.message, detail: err.detail } };
}
