/** Collects bind values and hands out their `$n` placeholders, so dynamic SQL stays parameterised. */
export class SqlParams {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}
