import { bucketSpans, bucketStarts, resolveSpan, shareIntervalFor, spanInput, toRangeInput } from '$lib/filters/range';
import { SharesDocument, SharesInBucketDocument } from '$lib/graphql/generated';
import { gql } from '$lib/server/gateway';
import { pageFilters } from '$lib/server/page-filters';
import type { PageServerLoad } from './$types';
import { totalAmplification } from './amplification';
import { mapLimit } from './map-limit';
import { toStacks } from './stacks';

/** Requests at once for the per-bucket share counts. */
const PARALLEL = 4;

export const load: PageServerLoad = async ({ url, locals }) => {
  const { filters, readershipFilter } = await pageFilters(url, locals);
  const span = resolveSpan(filters, new Date());
  const interval = shareIntervalFor(span);
  const starts = bucketStarts(span, interval);
  const [shares, buckets] = await Promise.all([
    gql(SharesDocument, { range: toRangeInput(filters), filter: readershipFilter, edition: filters.edition ?? null }),
    mapLimit(bucketSpans(span, starts), PARALLEL, (bucket) =>
      gql(SharesInBucketDocument, { range: spanInput(bucket) }).then((data) => data.shareStats),
    ),
  ]);
  return {
    shares,
    stacks: toStacks(buckets),
    amplification: totalAmplification(shares.topShared.map((row) => row.article.amplification)),
    starts: starts.map((start) => start.toISOString()),
    interval,
    ignored: ['region', 'channel', 'device'] as const,
  };
};
