/** Prints what is wrong and how the command is used, then exits with 2 (a usage error). */
export function usageError(message: string, usage: string): never {
  console.error(`${message}\n${usage}`);
  process.exit(2);
}

/** A whole-number flag from `min` to `max`; undefined when it was not given. */
export function integerFlag(
  name: string,
  value: string | undefined,
  range: { min: number; max: number; usage: string },
): number | undefined {
  if (value === undefined) return undefined;
  const number = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(number) || number < range.min || number > range.max) {
    usageError(`--${name}: expected a whole number from ${range.min} to ${range.max}, got "${value}"`, range.usage);
  }
  return number;
}
