export interface GatewayError {
  message: string;
  extensions?: { code?: string; field?: string; retryAfterSeconds?: number };
}

export interface GatewayAnswer<T> {
  status: number;
  data: T | null;
  errors: GatewayError[];
}

/** What a dashboard response tells the browser to wait before asking again when the gateway is overloaded. */
export const RETRY_AFTER_SECONDS = 5;

/** HTTP statuses that mean "not now" rather than "never". */
const BUSY_STATUSES = new Set([429, 503, 504]);

/** The gateway (or a subgraph behind it) is too busy or down: asking again later may work. */
export function isOverloaded(answer: GatewayAnswer<unknown>): boolean {
  return (
    BUSY_STATUSES.has(answer.status) || answer.errors.some((error) => error.extensions?.code === 'SERVICE_UNAVAILABLE')
  );
}

export interface Failure {
  status: 400 | 401 | 403 | 502 | 503;
  message: string;
}

export const UNREACHABLE_MESSAGE =
  'The readership service is not answering. It may be starting: try again in a moment.';
export const FORBIDDEN_MESSAGE =
  'Your role does not include readership data. Ask an administrator for the analyst, editor or marketing role.';

/**
 * What the dashboard answers for a gateway answer it cannot show, or
 * undefined when it can: input and access errors as such, an overloaded
 * gateway 503 (the caller adds Retry-After), anything else 502.
 */
export function failureOf(answer: GatewayAnswer<unknown>): Failure | undefined {
  const code = answer.errors[0]?.extensions?.code;
  if (code === 'BAD_USER_INPUT') return { status: 400, message: answer.errors[0]?.message ?? 'bad input' };
  if (code === 'UNAUTHENTICATED') return { status: 401, message: 'Your session has ended: sign in again.' };
  if (code === 'FORBIDDEN') return { status: 403, message: FORBIDDEN_MESSAGE };
  if (isOverloaded(answer)) return { status: 503, message: UNREACHABLE_MESSAGE };
  if (answer.errors.length > 0)
    return { status: 502, message: 'The readership service could not answer this question.' };
  if (answer.status >= 400 || !answer.data) {
    return { status: 502, message: `The readership service answered ${answer.status}.` };
  }
  return undefined;
}
