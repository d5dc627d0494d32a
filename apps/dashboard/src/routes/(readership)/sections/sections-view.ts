import type { ChartSpec } from '$lib/charts/spec';
import type { Table } from '$lib/tables/table';
import type { SectionRow } from './section-rows';

export function sectionsTable(rows: readonly SectionRow[], href: (slug: string) => string): Table {
  return {
    name: 'sections',
    columns: [
      { label: 'Section', kind: 'text' },
      { label: 'Views', kind: 'integer' },
      { label: 'Δ\u00a0views', kind: 'change' },
      { label: 'Readers', kind: 'integer' },
      { label: 'Δ\u00a0readers', kind: 'change' },
      { label: 'Published', kind: 'integer' },
      { label: 'Read', kind: 'integer' },
      { label: 'Views / article', kind: 'decimal' },
      { label: 'Shares / 1k views', kind: 'decimal' },
      { label: 'Δ\u00a0share rate', kind: 'change' },
      { label: 'Engaged time', kind: 'duration' },
      { label: 'Δ\u00a0engaged', kind: 'change' },
    ],
    rows: rows.map((row) => ({
      href: href(row.slug),
      cells: [
        row.name,
        row.current.views,
        row.change.views,
        row.current.uniqueReaders,
        row.change.uniqueReaders,
        row.published,
        row.current.articlesRead,
        row.current.viewsPerArticle,
        row.current.sharesPerThousandViews,
        row.change.sharesPerThousandViews,
        row.current.averageEngagedSeconds,
        row.change.averageEngagedSeconds,
      ],
    })),
  };
}

/** Views of each section, this period against the previous one. */
export function comparisonView(rows: readonly SectionRow[]): { table: Table; spec: ChartSpec } {
  return {
    table: {
      name: 'section-views-vs-previous',
      columns: [
        { label: 'Section', kind: 'text' },
        { label: 'Views', kind: 'integer' },
        { label: 'Views, previous period', kind: 'integer' },
      ],
      rows: rows.map((row) => ({ cells: [row.name, row.current.views, row.previous.views] })),
    },
    spec: {
      type: 'bar',
      labels: rows.map((row) => row.name),
      series: [
        { label: 'This period', data: rows.map((row) => row.current.views), tone: 'accent' },
        { label: 'Previous period', data: rows.map((row) => row.previous.views), tone: 'muted' },
      ],
    },
  };
}
