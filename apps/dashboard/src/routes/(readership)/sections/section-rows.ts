import type { SectionsQuery } from '$lib/graphql/generated';
import { seriesByKey } from '$lib/shaping/series';

type Section = SectionsQuery['sections'][number];

export interface SectionRow {
  id: string;
  slug: string;
  name: string;
  /** Articles of the section published in the range. */
  published: number;
  current: Section['performance']['current'];
  previous: Section['performance']['previous'];
  change: Section['performance']['change'];
  /** Views per bucket in the range. */
  series: number[];
  /** Views per bucket in the previous period, bucket i against bucket i. */
  previousSeries: number[];
}

/** Sections with their figures and series, most viewed first; `only` keeps one section (the section filter). */
export function shapeSections(
  data: SectionsQuery,
  starts: readonly Date[],
  previousStarts: readonly Date[],
  only?: string,
): SectionRow[] {
  const current = seriesByKey(starts, data.current, (row) => row.section?.id);
  const previous = seriesByKey(previousStarts, data.previous, (row) => row.section?.id);
  return data.sections
    .filter((section) => only === undefined || section.id === only)
    .map((section) => ({
      id: section.id,
      slug: section.slug,
      name: section.name,
      published: section.articlesPublished,
      current: section.performance.current,
      previous: section.performance.previous,
      change: section.performance.change,
      series: current.get(section.id) ?? starts.map(() => 0),
      previousSeries: previous.get(section.id) ?? previousStarts.map(() => 0),
    }))
    .sort((a, b) => b.current.views - a.current.views || a.name.localeCompare(b.name));
}
