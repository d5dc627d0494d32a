import { error } from '@sveltejs/kit';
import { periodOf } from '$lib/filters/period';
import { ArticleDocument, SectionArticlesDocument } from '$lib/graphql/generated';
import { gql } from '$lib/server/gateway';
import { pageFilters } from '$lib/server/page-filters';
import { median, rankAmong } from '$lib/shaping/stats';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url, locals }) => {
  const { filters } = await pageFilters(url, locals);
  if (!/^[1-9][0-9]{0,17}$/.test(params.id)) error(404, 'There is no such article.');
  const period = periodOf(filters, new Date());
  const { article } = await gql(ArticleDocument, { id: params.id, range: period.range, interval: period.interval });
  if (!article) error(404, 'There is no such article.');
  const { readership } = await gql(SectionArticlesDocument, { range: period.range, sectionId: article.section.id });
  const views = readership.map((row) => row.views);
  return {
    article,
    interval: period.interval,
    section: {
      medianViews: median(views),
      medianReaders: median(readership.map((row) => row.uniqueReaders)),
      articlesRead: readership.length,
      rank: rankAmong(article.views, views),
    },
    ignored: ['edition', 'section', 'country', 'region', 'channel', 'device'] as const,
  };
};
