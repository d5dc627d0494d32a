/**
 * The most rows each list without a page argument returns. Resolvers cut their
 * lists at these sizes and the gateway's cost rule counts them at these sizes,
 * so the two cannot disagree. Keyed `Type.field` as in the supergraph.
 * Connection edges are not here: the connection's own `first` counts them.
 */
export const LIST_SIZES = {
  /** The byline: an article takes 1 to 10 authors (ArticleInput). */
  'Article.authors': 10,
  /** An article takes at most 20 tags (ArticleInput). */
  'Article.tags': 20,
  /** One per other edition; a site runs a handful (three in the demo). */
  'Article.translations': 10,
  /** Paragraphs: an article takes at most 200 (ArticleInput). */
  'Article.body': 200,
  /** Breakdown rows by one dimension, biggest first: every country fits (249 ISO codes), regions are cut. */
  'Article.readership': 250,
  /**
   * One per share network (11) and per social network views came back from; the latter come from
   * readers' `utm_source` tags, so a campaign can add many: the biggest 100 are kept.
   */
  'Article.amplification': 100,
  /** Buckets of a series: the analytics range checker refuses more (MAX_BUCKETS). */
  'Article.viewsTimeline': 1500,
  'ShareSummary.byNetwork': 20,
  /** A newsroom's sections (eight in the demo), and their names in each edition. */
  'Query.sections': 100,
  'Section.names': 10,
  'Query.editions': 10,
  /** The live page's last 30 minutes, its top list (`first` at most 50), sections and channels. */
  'Live.viewsPerMinute': 30,
  'Live.topArticles': 50,
  'Live.readersBySection': 100,
  'Live.readersByChannel': 20,
} as const;

export type ListField = keyof typeof LIST_SIZES;

/** The list cut at its documented maximum. */
export function bounded<T>(field: ListField, rows: T[]): T[] {
  const max = LIST_SIZES[field];
  return rows.length > max ? rows.slice(0, max) : rows;
}
