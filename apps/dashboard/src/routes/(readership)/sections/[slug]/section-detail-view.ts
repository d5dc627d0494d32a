import type { SectionDetailQuery } from '$lib/graphql/generated';
import type { Table } from '$lib/tables/table';

/** A section's most read articles, each linking to its page. */
export function sectionArticlesTable(rows: SectionDetailQuery['topArticles'], href: (id: string) => string): Table {
  return {
    name: 'section-top-articles',
    columns: [
      { label: 'Article', kind: 'text' },
      { label: 'Authors', kind: 'text' },
      { label: 'Published', kind: 'date' },
      { label: 'Views', kind: 'integer' },
      { label: 'Unique readers', kind: 'integer' },
    ],
    rows: rows.map((row) => ({
      href: href(row.article.id),
      cells: [
        row.article.title,
        row.article.authors.map((author) => author.name).join(', '),
        row.article.publishedAt,
        row.views,
        row.uniqueReaders,
      ],
    })),
  };
}
