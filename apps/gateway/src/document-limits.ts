import { MaxTokensParserWLexer } from '@escape.tech/graphql-armor-max-tokens';
import type { DocumentNode, GraphQLSchema } from 'graphql';
import { costRefusal } from './cost-limit.js';
import type { GraphQLLimits } from './limits.js';
import { operationNameRefusal } from './operation-name.js';
import type { Refusal } from './trusted-documents/resolve.js';

/** What a request says beside its document. */
export interface RequestParams {
  variables?: unknown;
  operationName?: unknown;
}

/**
 * Length, tokens and cost of a document, and that `operationName` picks one
 * of its operations, checked before Apollo parses it: GraphQL Armor's Apollo
 * plugins for length and tokens throw from hooks that Apollo Server 5 answers
 * with a 500, and its cost rule needs the variables.
 */
export function checkDocument(
  schema: GraphQLSchema,
  query: string,
  params: RequestParams,
  limits: GraphQLLimits,
): Refusal | undefined {
  const { variables } = params;
  const { exposeLimits } = limits;
  if (query.length > limits.maxCharacters) {
    return refusal(
      exposeLimits
        ? `Document length limit of ${limits.maxCharacters} characters exceeded, found ${query.length}.`
        : 'Document length limit exceeded.',
    );
  }
  // GraphQL Armor's counting lexer: it stops at the first token over the limit.
  const parser = new MaxTokensParserWLexer(query, { n: limits.maxTokens });
  let document: DocumentNode;
  try {
    document = parser.parseDocument();
  } catch {
    if (parser.tokenCount <= limits.maxTokens) return undefined; // a syntax error: Apollo reports it
    return refusal(exposeLimits ? `Token limit of ${limits.maxTokens} exceeded.` : 'Document token limit exceeded.');
  }
  const unpicked = operationNameRefusal(document, params.operationName);
  if (unpicked) return unpicked;
  const tooCostly = costRefusal(schema, document, isRecord(variables) ? variables : {}, {
    maxCost: limits.maxCost,
    // Fragments are syntax: they cost what their fields cost where they are spread.
    flattenFragments: true,
    exposeLimits,
    errorMessage: 'Query cost limit exceeded.',
  });
  return tooCostly ? refusal(tooCostly) : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function refusal(message: string): Refusal {
  return { status: 400, code: 'GRAPHQL_VALIDATION_FAILED', message };
}
