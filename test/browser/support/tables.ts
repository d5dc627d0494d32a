import type { Page } from 'playwright-core';

export interface PageTable {
  columns: string[];
  /** Each cell's raw value (its `data-value`), as the CSV export holds it. */
  rows: string[][];
}

/** The table behind a chart or list, read from the page (it is there even while the chart is shown). */
export async function readTable(page: Page, name: string): Promise<PageTable> {
  const table = page.locator(`table[data-table="${name}"]`);
  await table.waitFor({ state: 'attached' });
  return table.evaluate((element) => ({
    columns: [...element.querySelectorAll('thead th')].map((th) => th.textContent?.trim() ?? ''),
    rows: [...element.querySelectorAll('tbody tr')].map((tr) =>
      [...tr.querySelectorAll('td')].map((td) => td.getAttribute('data-value') ?? ''),
    ),
  }));
}

/** Values as the table writes them in `data-value`: numbers as JavaScript prints them, null as empty. */
export const cells = (...values: (string | number | null | undefined)[]) =>
  values.map((value) => (value === null || value === undefined ? '' : String(value)));

/** Parses RFC 4180 CSV (what the dashboard exports). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\n') {
      rows.push([...row, cell.replace(/\r$/, '')]);
      row = [];
      cell = '';
    } else cell += char;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}
