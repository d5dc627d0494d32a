import { readFileSync } from 'node:fs';
import { LIST_SIZES } from '@byline/graphql/list-sizes';
import fc from 'fast-check';
import {
  buildSchema,
  type ExecutionResult,
  executeSync,
  type FieldNode,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLFieldResolver,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  parse,
  type SelectionSetNode,
  validate,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { costRefusal } from './cost-limit.js';

/**
 * Generated queries over the public schema, run against resolvers that return
 * as many rows as the real ones can (the page size asked for, the argument's
 * default, or a list's maximum in LIST_SIZES): whatever the cost rule lets through must not cost more,
 * counted on the response, than the budget.
 */
const graph = buildSchema(readFileSync(new URL('../../../schema/supergraph.graphql', import.meta.url), 'utf8'));
const BUDGET = 5_000;
const options = {
  maxCost: BUDGET,
  flattenFragments: true,
  exposeLimits: true,
  errorMessage: 'Query cost limit exceeded.',
};

interface Built {
  text: string;
  declarations: string[];
  variables: Record<string, unknown>;
}

/** A literal that satisfies a required argument of `type` (the mock resolvers ignore it). */
function literal(type: GraphQLInputType): string {
  const inner = getNullableType(type);
  if (isListType(inner)) return '[]';
  if (isEnumType(inner)) return inner.getValues()[0]?.name ?? '';
  if (isInputObjectType(inner)) {
    const required = Object.values(inner.getFields()).filter(
      (f) => isNonNullType(f.type) && f.defaultValue === undefined,
    );
    return `{ ${required.map((f) => `${f.name}: ${literal(f.type)}`).join(' ')} }`;
  }
  if (inner.name === 'Int' || inner.name === 'Float') return '1';
  if (inner.name === 'Boolean') return 'true';
  if (inner.name === 'DateTimeISO') return '"2026-01-01T00:00:00Z"';
  return '"1"';
}

function buildQuery(g: fc.GeneratorValue): Built {
  const built: Built = { text: '', declarations: [], variables: {} };

  function args(field: GraphQLField<unknown, unknown>): string {
    const parts = field.args.flatMap((arg: GraphQLArgument) => {
      if (arg.name === 'first') {
        const how = g(fc.constantFrom, 'absent', 'literal', 'variable', 'variable with default');
        if (how === 'absent') return [];
        if (how === 'literal') return [`first: ${g(fc.integer, { min: 1, max: 25 })}`];
        const name = `v${built.declarations.length}`;
        const fallback = how === 'variable with default' ? ` = ${g(fc.integer, { min: 1, max: 25 })}` : '';
        built.declarations.push(`$${name}: Int${fallback}`);
        if (g(fc.boolean)) built.variables[name] = g(fc.integer, { min: 1, max: 25 });
        return [`first: $${name}`];
      }
      return isNonNullType(arg.type) && arg.defaultValue === undefined ? [`${arg.name}: ${literal(arg.type)}`] : [];
    });
    return parts.length > 0 ? `(${parts.join(', ')})` : '';
  }

  function selection(type: GraphQLObjectType, depth: number): string {
    const fields = Object.values(type.getFields());
    const leaves = fields.filter((field) => isLeafType(getNamedType(field.type)));
    const objects = fields.filter((field) => isObjectType(getNamedType(field.type)));
    const picks = depth >= 5 || objects.length === 0 ? 0 : g(fc.integer, { min: 1, max: 3 });
    const chosen = Array.from({ length: picks }, () => objects[g(fc.nat, { max: objects.length - 1 })]);
    const parts = chosen.map((field, i) => {
      if (!field) return '';
      const copies = g(fc.integer, { min: 1, max: 2 });
      const inner = selection(getNamedType(field.type) as GraphQLObjectType, depth + 1);
      return Array.from(
        { length: copies },
        (_, copy) => `a${depth}_${i}_${copy}: ${field.name}${args(field)} { ${inner} }`,
      ).join(' ');
    });
    const leaf = leaves[0];
    if (leaf) parts.push(`${leaf.name}${args(leaf)}`);
    else parts.push('__typename');
    return parts.join(' ');
  }

  const root = graph.getQueryType();
  if (!root) throw new Error('no Query type');
  const fields = Object.values(root.getFields()).filter((field) => isObjectType(getNamedType(field.type)));
  const field = fields[g(fc.nat, { max: fields.length - 1 })];
  if (!field) throw new Error('no root field');
  const copies = g(fc.integer, { min: 1, max: 3 });
  const body = Array.from(
    { length: copies },
    (_, copy) =>
      `r${copy}: ${field.name}${args(field)} { ${selection(getNamedType(field.type) as GraphQLObjectType, 1)} }`,
  ).join(' ');
  built.text = `query${built.declarations.length > 0 ? `(${built.declarations.join(', ')})` : ''} { ${body} }`;
  return built;
}

/**
 * Rows as the subgraphs return them at most: a page of `first` (given or
 * defaulted), a list's maximum, a connection's edges as its page.
 */
const resolveField: GraphQLFieldResolver<Record<string, unknown> | undefined, unknown> = (source, args, _, info) => {
  const type = getNullableType(info.returnType);
  const page = typeof args.first === 'number' ? args.first : undefined;
  const maximum: number | undefined =
    LIST_SIZES[`${info.parentType.name}.${info.fieldName}` as keyof typeof LIST_SIZES];
  const one = (named: GraphQLNamedType) => {
    if (!isLeafType(named)) return { page: undefined };
    if (isEnumType(named)) return named.getValues()[0]?.value;
    return { Int: 1, Float: 1, Boolean: true }[named.name as 'Int'] ?? '1';
  };
  const named = getNamedType(type);
  if (isListType(type)) {
    return Array.from({ length: page ?? maximum ?? (source?.page as number | undefined) ?? 1 }, () => one(named));
  }
  return isLeafType(named) ? one(named) : { page };
};

/**
 * Armor's formula applied to what came back, every row counted: 2 an object,
 * 1 a leaf, children weighted `weight` (1.5; the operation's own fields 1).
 */
function responseCost(selections: SelectionSetNode, value: Record<string, unknown>, weight = 1.5): number {
  return selections.selections.reduce((sum, node) => {
    const field = node as FieldNode;
    return sum + weight * valueCost(field, value[(field.alias ?? field.name).value]);
  }, 0);
}

function valueCost(field: FieldNode, value: unknown): number {
  if (!field.selectionSet) return 1;
  if (value === null || value === undefined) return 0;
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + valueCost(field, item), 0);
  return 2 + responseCost(field.selectionSet, value as Record<string, unknown>);
}

describe('the cost rule against the work queries really cause', () => {
  it(`answers no generated query whose response costs more than the budget (${BUDGET})`, () => {
    // The generator must reach the budget, or the property holds vacuously.
    let refusals = 0;
    fc.assert(
      fc.property(fc.gen(), (g) => {
        const { text, variables } = buildQuery(g);
        const document = parse(text);
        expect(validate(graph, document)).toEqual([]);
        const operation = document.definitions[0];
        if (operation?.kind !== Kind.OPERATION_DEFINITION) throw new Error('no operation');
        const refused = costRefusal(graph, document, variables, options) !== undefined;
        if (refused) {
          refusals += 1;
          return;
        }
        const result = executeSync({
          schema: graph,
          document,
          variableValues: variables,
          fieldResolver: resolveField,
        }) as ExecutionResult<Record<string, unknown>>;
        expect(result.errors).toBeUndefined();
        const real = responseCost(operation.selectionSet, result.data ?? {}, 1);
        expect(real).toBeLessThanOrEqual(BUDGET);
      }),
      { numRuns: 300, seed: 17 },
    );
    expect(refusals).toBeGreaterThan(30);
  }, 60_000);
});
