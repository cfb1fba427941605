/**
 * Graph error envelope. Inside the emulator an error answer is the product, not a failure, so handlers
 * throw a GraphProblem from wherever a rule is broken and the dispatcher renders it exactly once. Throwing
 * also rolls back the surrounding SQLite transaction, which is what makes "412 and nothing changes" hold.
 */
export class GraphProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Readonly<Record<string, string>> = {},
    readonly innerCode?: string,
  ) {
    super(message);
    this.name = 'GraphProblem';
  }
}

export const invalidRequest = (message: string): GraphProblem =>
  new GraphProblem(400, 'invalidRequest', message);

/** The one wording for "the emulator does not do this", so callers can grep for it. */
export const notSupported = (what: string): GraphProblem =>
  new GraphProblem(400, 'invalidRequest', `${what} is not supported by the emulator.`);

export const itemNotFound = (message: string): GraphProblem => new GraphProblem(404, 'itemNotFound', message);

export const nameAlreadyExists = (message: string): GraphProblem =>
  new GraphProblem(409, 'nameAlreadyExists', message);

export const directoryNotFound = (id: string): GraphProblem =>
  new GraphProblem(
    404,
    'Request_ResourceNotFound',
    `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`,
  );

export const fieldNotRecognized = (name: string): GraphProblem =>
  invalidRequest(`Field '${name}' is not recognized`);

export interface ErrorEnvelope {
  error: {
    code: string;
    message: string;
    innerError: Record<string, string>;
  };
}

/** innerError.date has no zone suffix and no fraction in real answers. */
export function errorEnvelope(
  code: string,
  message: string,
  ids: { requestId: string; clientRequestId: string },
  now: Date,
  innerCode?: string,
): ErrorEnvelope {
  const innerError: Record<string, string> = {};
  if (innerCode !== undefined) innerError['code'] = innerCode;
  innerError['date'] = now.toISOString().slice(0, 19);
  innerError['request-id'] = ids.requestId;
  innerError['client-request-id'] = ids.clientRequestId;
  return { error: { code, message, innerError } };
}
