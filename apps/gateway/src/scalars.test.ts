import { buildSchema, getVariableValues, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { parseCustomScalars } from './scalars.js';

const sdl = `scalar DateTimeISO
  type Query { after(at: DateTimeISO): Int }`;

describe('parseCustomScalars', () => {
  it('refuses an invalid DateTimeISO literal or variable that the static supergraph would accept', () => {
    const schema = buildSchema(sdl);
    const literal = parse('{ after(at: "yesterday") }');
    expect(validate(schema, literal)).toEqual([]);
    parseCustomScalars(schema);
    expect(validate(schema, literal).map((error) => error.message)).toEqual([
      expect.stringMatching(/^Expected value of type "DateTimeISO", found "yesterday"; /),
    ]);
    expect(validate(schema, parse('{ after(at: "2026-01-01T00:00:00Z") }'))).toEqual([]);
    const [definition] = parse('query($at: DateTimeISO) { after(at: $at) }').definitions;
    if (definition?.kind !== 'OperationDefinition') throw new Error('no operation');
    const coerced = getVariableValues(schema, definition.variableDefinitions ?? [], { at: '2026-13-45T99:00:00Z' });
    expect(coerced.errors?.map((error) => error.message)).toEqual([
      expect.stringMatching(/^Variable "\$at" got invalid value "2026-13-45T99:00:00Z"/),
    ]);
  });
});
