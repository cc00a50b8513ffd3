/** Errors as Office.js raises them: RichApi.Error with a code and debugInfo (code, message, errorLocation). */

export interface SimDebugInfo {
  code: string;
  message: string;
  errorLocation?: string;
  statement?: string;
  surroundingStatements?: string[];
}

export class SimError extends Error {
  readonly debugInfo: SimDebugInfo;

  constructor(
    readonly code: string,
    message: string,
    errorLocation?: string,
  ) {
    super(message);
    this.name = 'RichApi.Error';
    this.debugInfo = { code, message, ...(errorLocation ? { errorLocation, statement: `${errorLocation}(…);`, surroundingStatements: [`${errorLocation}(…);`] } : {}) };
  }
}

/** Office.js throws this synchronously when a property is read that was not loaded and synced. */
export function propertyNotLoaded(cls: string, prop: string): SimError {
  return new SimError('PropertyNotLoaded', `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`, `${cls}.${prop}`);
}

export const MESSAGES: Record<string, string> = {
  ItemNotFound: 'The requested resource doesn\'t exist.',
  ItemAlreadyExists: 'The resource being created already exists.',
  InvalidArgument: 'The argument is invalid or missing or has an incorrect format.',
  InvalidOperation: 'The requested operation is invalid.',
  AccessDenied: 'You cannot perform the requested operation.',
  ApiNotFound: 'The API you are trying to use could not be found. It may be available in a newer version of Excel.',
  InvalidOperationInCellEditMode: 'The operation is not available while Excel is in Edit cell mode. Exit Edit mode by using the Enter or Tab keys, or by selecting another cell, and then try again.',
  RequestPayloadSizeLimitExceeded: 'The request payload size has exceeded the limit.',
  ResponsePayloadSizeLimitExceeded: 'The response payload size has exceeded the limit.',
  GeneralException: 'There was an internal error while processing the request.',
  RangeExceedsLimit: 'The cell count in the range has exceeded the maximum supported number.',
};

export function simError(code: string, where?: string, detail?: string): SimError {
  return new SimError(code, detail ? `${MESSAGES[code] ?? code} ${detail}` : (MESSAGES[code] ?? code), where);
}
