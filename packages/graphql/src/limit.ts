import { badInput } from './errors.js';

/** Checks a list size argument against its documented maximum. */
export function checkLimit(field: string, value: number, max: number): number {
  if (!Number.isInteger(value) || value < 1 || value > max) throw badInput(field, `must be between 1 and ${max}`);
  return value;
}
