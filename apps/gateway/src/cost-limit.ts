import { type CostLimitOptions, costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import {
  type DocumentNode,
  type FragmentDefinitionNode,
  Kind,
  type OperationDefinitionNode,
  type ValidationContext,
  type ValueNode,
  visit,
} from 'graphql';

const PAGE_ARGUMENTS = new Set(['first', 'last']);

/**
 * GraphQL Armor's cost of each operation, with page sizes given in variables
 * counted: its rule multiplies a list by a literal `first` only, so
 * `first: $n` would cost one row. Returns the refusal message, if any.
 */
export function costRefusal(
  document: DocumentNode,
  variables: Record<string, unknown>,
  options: CostLimitOptions,
): string | undefined {
  const withSizes = withPageSizes(document, variables);
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

/** The document with `first: $var` / `last: $var` replaced by the variable's integer value (or its default). */
function withPageSizes(document: DocumentNode, variables: Record<string, unknown>): DocumentNode {
  const defaults = new Map<string, ValueNode>();
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    for (const variable of definition.variableDefinitions ?? []) {
      if (variable.defaultValue) defaults.set(variable.variable.name.value, variable.defaultValue);
    }
  }
  return visit(document, {
    Argument(node) {
      if (!PAGE_ARGUMENTS.has(node.name.value) || node.value.kind !== Kind.VARIABLE) return undefined;
      const name = node.value.name.value;
      const value = variables[name];
      if (Number.isInteger(value)) return { ...node, value: { kind: Kind.INT, value: String(value) } };
      const fallback = defaults.get(name);
      return fallback ? { ...node, value: fallback } : undefined;
    },
  });
}
