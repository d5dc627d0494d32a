import { describe, expect, it } from 'vitest';
import { failureOf, type GatewayAnswer, isOverloaded } from './gateway-failure';

const answer = (status: number, codes: (string | undefined)[] = [], data: unknown = null): GatewayAnswer<unknown> => ({
  status,
  data,
  errors: codes.map((code) => ({ message: `error ${code}`, ...(code ? { extensions: { code } } : {}) })),
});

describe('failureOf', () => {
  it('passes an answer with data and no errors', () => {
    expect(failureOf(answer(200, [], { live: {} }))).toBeUndefined();
  });

  it('answers 503 when the gateway or a subgraph behind it is overloaded or down', () => {
    for (const status of [429, 503, 504]) {
      expect(failureOf(answer(status)), String(status)).toMatchObject({ status: 503 });
      expect(isOverloaded(answer(status))).toBe(true);
    }
    // Partial data with a subgraph down is still not a page the dashboard can show.
    expect(failureOf(answer(200, ['SERVICE_UNAVAILABLE'], { live: null }))).toMatchObject({ status: 503 });
    expect(failureOf(answer(200, [undefined, 'SERVICE_UNAVAILABLE']))).toMatchObject({ status: 503 });
  });

  it('names input and access errors as such, before overload', () => {
    expect(failureOf(answer(200, ['BAD_USER_INPUT', 'SERVICE_UNAVAILABLE']))).toEqual({
      status: 400,
      message: 'error BAD_USER_INPUT',
    });
    expect(failureOf(answer(401, ['UNAUTHENTICATED']))).toMatchObject({ status: 401 });
    expect(failureOf(answer(200, ['FORBIDDEN']))).toMatchObject({ status: 403 });
  });

  it('answers 502 for what retrying will not fix', () => {
    expect(failureOf(answer(200, ['INTERNAL_SERVER_ERROR']))).toMatchObject({ status: 502 });
    expect(failureOf(answer(500))).toMatchObject({ status: 502 });
    expect(failureOf(answer(400))).toMatchObject({ status: 502 });
    expect(isOverloaded(answer(500, ['INTERNAL_SERVER_ERROR']))).toBe(false);
  });
});
