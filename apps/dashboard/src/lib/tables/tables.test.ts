import { describe, expect, it } from 'vitest';
import { createFormat } from '$lib/format/format';
import { toCsv } from './csv';
import { display, sortRows, type Table } from './table';

const table: Table = {
  name: 'countries',
  columns: [
    { label: 'Country', kind: 'country' },
    { label: 'Views', kind: 'integer' },
    { label: 'Share, "of views"', kind: 'share' },
  ],
  rows: [{ cells: ['AZ', 1200, 0.6] }, { cells: ['', 3, null] }, { cells: ['TR', 40, 0.02] }],
};

describe('tables', () => {
  it('exports the raw values as CSV, quoting what needs it', () => {
    expect(toCsv(table)).toBe('Country,Views,"Share, ""of views"""\r\nAZ,1200,0.6\r\n,3,\r\nTR,40,0.02\r\n');
  });

  it('keeps cells a spreadsheet would run as formulas inert', () => {
    const titles: Table = { name: 't', columns: [{ label: 'Title', kind: 'text' }], rows: [{ cells: ['=SUM(A1)'] }] };
    expect(toCsv(titles)).toBe("Title\r\n'=SUM(A1)\r\n");
  });

  it('shows values formatted for the reader', () => {
    const format = createFormat('en-GB', 'UTC');
    const [country, views, share] = table.columns as [Table['columns'][0], Table['columns'][0], Table['columns'][0]];
    expect(display('AZ', country, format)).toBe('Azerbaijan');
    expect(display(1200, views, format)).toBe('1,200');
    expect(display(0.6, share, format)).toBe('60%');
    expect(display(null, share, format)).toBe('—');
  });

  it('sorts by a column with empty values last either way', () => {
    const views = (rows: Table['rows']) => rows.map((row) => row.cells[1]);
    expect(views(sortRows(table.rows, 1, 'descending'))).toEqual([1200, 40, 3]);
    expect(views(sortRows(table.rows, 1, 'ascending'))).toEqual([3, 40, 1200]);
    expect(sortRows(table.rows, 2, 'ascending').map((row) => row.cells[2])).toEqual([0.02, 0.6, null]);
  });
});
