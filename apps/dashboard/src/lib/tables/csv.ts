import type { Table, Value } from './table';

function field(value: Value): string {
  if (value === null) return '';
  const text = String(value);
  // Quote what would break the row; prefix what a spreadsheet would run as a formula.
  const safe = /^[=+\-@\t\r]/.test(text) && typeof value === 'string' ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** RFC 4180 CSV of a table: its column labels, then its raw values (numbers unformatted, times in ISO 8601). */
export function toCsv(table: Table): string {
  const lines = [table.columns.map((column) => field(column.label)), ...table.rows.map((row) => row.cells.map(field))];
  return `${lines.map((cells) => cells.join(',')).join('\r\n')}\r\n`;
}
