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
 * Which argument a value is: type-graphql passes input objects converted to
 * their classes, so those are matched by content rather than identity.
 */
function nameOf(argValue: unknown, args: Record<string, unknown>): string {
  const names = Object.keys(args);
  const json = JSON.stringify(argValue);
  return (
    names.find((name) => args[name] === argValue) ??
    names.find((name) => JSON.stringify(args[name]) === json) ??
    'input'
  );
}

/** The path of the first string holding U+0000, which no database text column can store. */
function pathOfNul(value: unknown, path: string): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (value === null || typeof value !== 'object' || value instanceof Date) return null;
  for (const [key, item] of Object.entries(value)) {
    const found = pathOfNul(item, Array.isArray(value) ? `${path}[${key}]` : `${path}.${key}`);
    if (found) return found;
  }
  return null;
}

/**
 * Refuses strings with NUL characters anywhere in the arguments, then validates every input object with class-validator and reports the first
 * problem as `BAD_USER_INPUT` naming the field (`input.title: ...`); all of
 * them are listed in `extensions.problems`.
 */
export const validateInput: ValidatorFn = async (argValue, _argType, { args }) => {
  const argName = nameOf(argValue, args);
  const withNul = pathOfNul(argValue, argName);
  if (withNul) throw badInput(withNul, 'must not contain the NUL character (U+0000)');
  if (argValue === null || typeof argValue !== 'object' || argValue instanceof Date) return;
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
