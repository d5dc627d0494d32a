import { type ValidationError, validate } from 'class-validator';
import type { ValidatorFn } from 'type-graphql';
import { badInput } from './errors.js';

/** Flattens nested class-validator errors into `path: message` pairs. */
function flatten(errors: ValidationError[], prefix: string): { field: string; message: string }[] {
  return errors.flatMap((error) => {
    const field = `${prefix}.${error.property}`;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/**
 * Validates every input object with class-validator and reports the first
 * problem as `BAD_USER_INPUT` naming the field (`input.title: ...`); all of
 * them are listed in `extensions.problems`.
 */
export const validateInput: ValidatorFn = async (argValue, _argType, { args }) => {
  if (argValue === null || typeof argValue !== 'object' || argValue instanceof Date) return;
  const argName = Object.keys(args).find((name) => args[name] === argValue) ?? 'input';
  const values = Array.isArray(argValue) ? argValue : [argValue];
  for (const [index, value] of values.entries()) {
    if (value === null || typeof value !== 'object') continue;
    const prefix = Array.isArray(argValue) ? `${argName}[${index}]` : argName;
    const problems = flatten(await validate(value, { forbidUnknownValues: false }), prefix);
    const first = problems[0];
    if (first) {
      const error = badInput(first.field, first.message);
      error.extensions.problems = problems;
      throw error;
    }
  }
};
