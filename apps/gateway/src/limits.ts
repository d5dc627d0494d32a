import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import type { GraphQLArmorRejectCallback } from '@escape.tech/graphql-armor-types';
import type { ValidationRule } from 'graphql';

export interface GraphQLLimits {
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  maxTokens: number;
  maxCost: number;
  /** Length of the document text. */
  maxCharacters: number;
  /** Name the limit and the count in errors (development); production says only which limit. */
  exposeLimits: boolean;
  /** "Did you mean …?" hints and schema details in errors. */
  fieldSuggestions: boolean;
}

/** Reported as validation errors, so Apollo answers 400 GRAPHQL_VALIDATION_FAILED. */
const report = { propagateOnRejection: false, onReject: [(context, error) => context?.reportError(error)] } satisfies {
  propagateOnRejection: boolean;
  onReject: GraphQLArmorRejectCallback[];
};

/**
 * GraphQL Armor's depth, alias and directive rules, run by Apollo with its
 * validation. Length, tokens and cost are checked before Apollo
 * (document-limits.ts).
 */
export function limitRules(limits: GraphQLLimits): ValidationRule[] {
  const { exposeLimits } = limits;
  return [
    // Fragments are syntax: count the fields a response nests, not the spreads on the way.
    maxDepthRule({
      n: limits.maxDepth,
      flattenFragments: true,
      exposeLimits,
      ...report,
      errorMessage: 'Query depth limit exceeded.',
    }),
    maxAliasesRule({ n: limits.maxAliases, exposeLimits, ...report, errorMessage: 'Query alias limit exceeded.' }),
    maxDirectivesRule({
      n: limits.maxDirectives,
      exposeLimits,
      ...report,
      errorMessage: 'Query directive limit exceeded.',
    }),
  ];
}
