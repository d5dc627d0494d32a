import { createLogger } from '@byline/http';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { clientErrors } from './client-errors.js';
import { SubgraphUnavailable } from './subgraphs.js';

const log = createLogger('silent');
const production = clientErrors(false, log);
const development = clientErrors(true, log);

describe('clientErrors', () => {
  it("masks a subgraph's non-GraphQL answer: no address, status text or body", () => {
    const relayed = {
      message: '413: Payload Too Large',
      path: ['login'],
      extensions: {
        code: 'INTERNAL_SERVER_ERROR',
        response: { url: 'http://127.0.0.1:4003/graphql', status: 413, body: { code: 'FST_ERR_CTP_BODY_TOO_LARGE' } },
      },
    };
    for (const format of [production, development]) {
      const masked = format(relayed, new GraphQLError(relayed.message));
      expect(masked).toEqual({
        message: 'a service behind the gateway refused the request as malformed or too large',
        path: ['login'],
        extensions: { code: 'BAD_REQUEST' },
      });
      const failed = format({ ...relayed, extensions: { ...relayed.extensions, response: { status: 502 } } }, null);
      expect(failed).toEqual({
        message: 'internal error',
        path: ['login'],
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      });
    }
  });

  it('masks internal errors and errors without a code, keeps a subgraph timeout by name', () => {
    expect(production({ message: 'ECONNRESET at socket 10.0.0.7' }, new Error('x'))).toEqual({
      message: 'internal error',
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    const timeout = new SubgraphUnavailable('subgraph "content" did not answer within 10000 ms');
    expect(production({ message: 'x', extensions: { code: 'INTERNAL_SERVER_ERROR' } }, timeout)).toEqual({
      message: 'subgraph "content" did not answer within 10000 ms',
      extensions: { code: 'SERVICE_UNAVAILABLE' },
    });
  });

  it('lets client mistakes through, with suggestions only in development', () => {
    const mistake = {
      message:
        'Variable "$range" got invalid value { prest: "LAST_7_DAYS" }; Field "prest" is not defined by type "RangeInput". Did you mean "preset"?',
      extensions: { code: 'BAD_USER_INPUT' },
    };
    expect(development(mistake, null)).toEqual(mistake);
    expect(production(mistake, null)).toEqual({
      ...mistake,
      message:
        'Variable "$range" got invalid value { prest: "LAST_7_DAYS" }; Field "prest" is not defined by type "RangeInput".',
    });
    const enumValue = {
      message: 'Value "SECTOIN" does not exist in "Dimension" enum. Did you mean the enum value "SECTION"?',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    };
    expect(production(enumValue, null).message).toBe('Value "SECTOIN" does not exist in "Dimension" enum.');
  });
});
