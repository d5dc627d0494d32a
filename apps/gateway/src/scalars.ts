import type { GraphQLSchema } from 'graphql';
import { resolvers } from 'graphql-scalars';

/**
 * Gives the supergraph's custom scalars (DateTimeISO…) the parsing of the
 * graphql-scalars types the subgraphs declare them with: a static supergraph
 * has them accept anything, so a bad value got as far as a subgraph. Now
 * validation (literals) and variable coercion refuse it at the gateway,
 * naming the field or variable. Output is left as the subgraphs serialised it.
 */
export function parseCustomScalars(schema: GraphQLSchema): void {
  for (const [name, known] of Object.entries(resolvers)) {
    const type = schema.getType(name);
    // Not isScalarType: Apollo's gateway may hold another copy of graphql-js (CJS beside ESM), and instanceof fails.
    if (type === undefined || !('specifiedByURL' in type)) continue;
    type.parseValue = known.parseValue;
    type.parseLiteral = (node, variables) => {
      try {
        return known.parseLiteral(node, variables);
      } catch (error) {
        // A plain Error: graphql-js then says which type and value, `Expected value of type "DateTimeISO", found …`.
        throw new Error(error instanceof Error ? error.message : String(error));
      }
    };
  }
}
