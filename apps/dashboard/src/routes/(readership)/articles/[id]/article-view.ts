import type { ChartSpec } from '$lib/charts/spec';
import { networkLabel } from '$lib/filters/labels';
import type { ArticleQuery } from '$lib/graphql/generated';
import type { Table } from '$lib/tables/table';

type Article = NonNullable<ArticleQuery['article']>;

/** Shares per network with the views each network brought back, most shared first. */
export function networksView(article: Article): { table: Table; spec: ChartSpec } {
  const rows = article.amplification.toSorted((a, b) => b.shares - a.shares || b.viewsBack - a.viewsBack);
  return {
    table: {
      name: 'article-shares-by-network',
      columns: [
        { label: 'Network', kind: 'text' },
        { label: 'Shares', kind: 'integer' },
        { label: 'Views brought back', kind: 'integer' },
        { label: 'Views per share', kind: 'decimal' },
      ],
      rows: rows.map((row) => ({ cells: [networkLabel(row.network), row.shares, row.viewsBack, row.viewsPerShare] })),
    },
    spec: {
      type: 'bar',
      horizontal: true,
      labels: rows.map((row) => networkLabel(row.network)),
      series: [
        { label: 'Shares', data: rows.map((row) => row.shares), tone: 1 },
        { label: 'Views brought back', data: rows.map((row) => row.viewsBack), tone: 2 },
      ],
    },
  };
}

export interface SectionMedian {
  medianViews: number | null;
  medianReaders: number | null;
}

/** The article's views and readers against the median article of its section. */
export function medianView(article: Article, section: SectionMedian): { table: Table; spec: ChartSpec } {
  return {
    table: {
      name: 'article-vs-section-median',
      columns: [
        { label: 'Measure', kind: 'text' },
        { label: 'This article', kind: 'integer' },
        { label: 'Median article of the section', kind: 'decimal' },
      ],
      rows: [
        { cells: ['Views', article.views, section.medianViews] },
        { cells: ['Unique readers', article.uniqueReaders, section.medianReaders] },
      ],
    },
    spec: {
      type: 'bar',
      labels: ['Views', 'Unique readers'],
      series: [
        { label: 'This article', data: [article.views, article.uniqueReaders], tone: 'accent' },
        {
          label: `Median ${article.section.name} article`,
          data: [section.medianViews ?? 0, section.medianReaders ?? 0],
          tone: 'muted',
        },
      ],
    },
  };
}
