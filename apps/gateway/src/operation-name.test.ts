import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { operationNameRefusal } from './operation-name.js';

const two = parse('query Editions { editions } query Sections { sections { id } }');
const anonymous = parse('{ editions }');

describe('operationNameRefusal', () => {
  it('lets a name that picks an operation, or no name for a single one, through', () => {
    expect(operationNameRefusal(two, 'Sections')).toBeUndefined();
    expect(operationNameRefusal(anonymous, undefined)).toBeUndefined();
    expect(operationNameRefusal(anonymous, null)).toBeUndefined();
  });

  it('refuses a name the document does not define, even on a single anonymous operation', () => {
    for (const [document, name] of [
      [two, 'Tags'],
      [anonymous, 'Editions'],
      [two, ''],
    ] as const) {
      expect(operationNameRefusal(document, name)).toEqual({
        status: 400,
        code: 'BAD_REQUEST',
        message: `Unknown operation named "${name}".`,
      });
    }
  });

  it('refuses several operations without a name, and a document without operations', () => {
    expect(operationNameRefusal(two, undefined)?.message).toMatch(/Must provide operation name/);
    expect(operationNameRefusal(parse('fragment F on Query { editions }'), undefined)?.message).toBe(
      'Must provide an operation.',
    );
  });
});
