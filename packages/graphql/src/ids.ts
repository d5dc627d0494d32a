import { badInput } from './errors.js';

/** Entity ids across the graph: positive integers below 10^18, as strings. */
export const ID_PATTERN = /^[1-9][0-9]{0,17}$/;

/** True for ids this service can hold (positive integers as strings). */
export function isId(value: string): boolean {
  return ID_PATTERN.test(value);
}

/** Checks a client-supplied id, naming the field when it is not one of ours. */
export function checkId(field: string, value: string): string {
  if (!isId(value)) throw badInput(field, `"${value.slice(0, 40)}" is not a valid id`);
  return value;
}
