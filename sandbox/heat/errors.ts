// Heat's error envelope: {"code", "title", "explanation", "error": {"type", "traceback", "message"}}.
export class HeatError extends Error {
  constructor(readonly code: number, readonly type: string, message: string) {
    super(message);
  }
}

export const HEAT_TITLES: Record<number, { title: string; explanation: string }> = {
  400: { title: 'Bad Request', explanation: 'The server could not comply with the request since it is either malformed or otherwise incorrect.' },
  403: { title: 'Forbidden', explanation: 'Access was denied to this resource.' },
  404: { title: 'Not Found', explanation: 'The resource could not be found.' },
  405: { title: 'Method Not Allowed', explanation: 'The server could not comply with the request since it is either malformed or otherwise incorrect.' },
  409: { title: 'Conflict', explanation: 'There was a conflict when trying to complete your request.' },
  500: { title: 'Internal Server Error', explanation: 'The server has either erred or is incapable of performing the requested operation.' },
};

export const validationError = (message: string) => new HeatError(400, 'StackValidationFailed', message);
export const notFound = (message: string) => new HeatError(404, 'EntityNotFound', message);

/** A resource's create/update/delete failed; `reason` becomes resource_status_reason. */
export class ResourceFailure extends Error {}
