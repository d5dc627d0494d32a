import { LIST_SIZES } from '@byline/graphql/list-sizes';
import { type CostLimitOptions, costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import {
  type ArgumentNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  Kind,
  type OperationDefinitionNode,
  TypeInfo,
  type ValidationContext,
  type ValueNode,
  visit,
  visitWithTypeInfo,
} from 'graphql';

const PAGE_ARGUMENTS = new Set(['first', 'last']);

/**
 * GraphQL Armor's cost of each operation, with every list counted at the size
 * the subgraph will return: its rule multiplies a list by a literal `first`
 * only, so `first: $n`, no `first` at all (the schema's default applies), or a
 * list without a page argument (its maximum in LIST_SIZES applies) would cost
 * one row. Returns the refusal message, if any.
 */
export function costRefusal(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown>,
  options: CostLimitOptions,
): string | undefined {
  const withSizes = withPageSizes(schema, document, variables);
  const operations = withSizes.definitions.filter(
    (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
  );
  const fragments = new Map(
    withSizes.definitions
      .filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION)
      .map((fragment) => [fragment.name.value, fragment]),
  );
  let refusal: string | undefined;
  // The rule reads nothing from its context but fragments; no schema is needed to count.
  const context = { getFragment: (name: string) => fragments.get(name) } as unknown as ValidationContext;
  const rule = costLimitRule({
    ...options,
    propagateOnRejection: false,
    onReject: [(_context, error) => (refusal ??= error.message)],
  })(context);
  for (const operation of operations) rule.OperationDefinition.enter(operation);
  return refusal;
}

/**
 * The document with every page size a literal: `first: $var` becomes the
 * variable's integer value (or its default), a field that takes `first`
 * without it gets the schema's default, as execution would, and a list
 * without a page argument gets `first:` its maximum, for Armor to count.
 */
function withPageSizes(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown>,
): DocumentNode {
  const defaults = new Map<string, ValueNode>();
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    for (const variable of definition.variableDefinitions ?? []) {
      if (variable.defaultValue) defaults.set(variable.variable.name.value, variable.defaultValue);
    }
  }
  const typeInfo = new TypeInfo(schema);
  return visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const listField = `${typeInfo.getParentType()?.name}.${node.name.value}`;
        if (listField in LIST_SIZES) {
          return { ...node, arguments: [argument('first', LIST_SIZES[listField as keyof typeof LIST_SIZES])] };
        }
        const pageArguments = typeInfo.getFieldDef()?.args.filter((arg) => PAGE_ARGUMENTS.has(arg.name)) ?? [];
        if (pageArguments.length === 0) return undefined;
        const given = new Map((node.arguments ?? []).map((argument) => [argument.name.value, argument]));
        const sized: ArgumentNode[] = [
          ...(node.arguments ?? []).filter((argument) => !PAGE_ARGUMENTS.has(argument.name.value)),
        ];
        for (const definition of pageArguments) {
          const fallback = typeof definition.defaultValue === 'number' ? definition.defaultValue : undefined;
          const size = pageSize(given.get(definition.name)?.value, variables, defaults) ?? fallback;
          if (size !== undefined) sized.push(argument(definition.name, size));
        }
        return { ...node, arguments: sized };
      },
    }),
  );
}

/** A page size given as a literal, a variable's value or a variable's default; undefined when none is given. */
function pageSize(
  value: ValueNode | undefined,
  variables: Record<string, unknown>,
  defaults: Map<string, ValueNode>,
): number | ValueNode | undefined {
  if (value?.kind !== Kind.VARIABLE) return value;
  const name = value.name.value;
  const given = variables[name];
  return Number.isInteger(given) ? (given as number) : defaults.get(name);
}

function argument(name: string, value: number | ValueNode): ArgumentNode {
  const node: ValueNode = typeof value === 'number' ? { kind: Kind.INT, value: String(value) } : value;
  return { kind: Kind.ARGUMENT, name: { kind: Kind.NAME, value: name }, value: node };
}
