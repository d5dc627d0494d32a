/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** Bucket size of a time series, cut in the range time zone. */
export type Interval =
  | 'DAY'
  | 'HOUR'
  | 'MINUTE'
  | 'MONTH'
  | 'WEEK';

/** A preset, or explicit `from` and `to`; days are cut in `timeZone`. */
export type RangeInput = {
  /** Inclusive start. */
  from?: string | null | undefined;
  preset?: RangePreset | null | undefined;
  /** IANA time zone; default: the newsroom's. */
  timeZone?: string | null | undefined;
  /** Exclusive end. */
  to?: string | null | undefined;
};

/** Day presets start at midnight in the range time zone and run until now (YESTERDAY: a whole day). */
export type RangePreset =
  | 'LAST_7_DAYS'
  | 'LAST_30_DAYS'
  | 'LAST_30_MINUTES'
  | 'LAST_90_DAYS'
  | 'TODAY'
  | 'YESTERDAY';

/** Every list given must contain the value; lists hold at most 100 values. */
export type ReadershipFilter = {
  articleIds?: Array<string> | null | undefined;
  authorIds?: Array<string> | null | undefined;
  /** direct, internal, search, social, email, campaign, other. */
  channels?: Array<string> | null | undefined;
  /** ISO 3166-1 alpha-2 codes. */
  countries?: Array<string> | null | undefined;
  /** desktop, mobile, tablet, other. */
  devices?: Array<string> | null | undefined;
  editions?: Array<string> | null | undefined;
  regions?: Array<string> | null | undefined;
  sectionIds?: Array<string> | null | undefined;
};

/** What a user or API token may do. */
export type Role =
  | 'ADMIN'
  | 'ANALYST'
  | 'EDITOR'
  | 'MARKETING'
  | 'VIEWER';

export type ArticleQueryVariables = Exact<{
  id: string;
  range: RangeInput;
  interval: Interval;
}>;


export type ArticleQuery = { article: { id: string, title: string, lead: string, edition: string, publishedAt: string | null, views: number, uniqueReaders: number, section: { id: string, slug: string, name: string }, authors: Array<{ name: string }>, viewsTimeline: Array<{ at: string, views: number, uniqueReaders: number }>, countries: Array<{ value: string, views: number, uniqueReaders: number }>, regions: Array<{ value: string, views: number, uniqueReaders: number }>, channels: Array<{ value: string, views: number, uniqueReaders: number }>, devices: Array<{ value: string, views: number, uniqueReaders: number }>, shares: { total: number, byNetwork: Array<{ network: string, count: number }> }, amplification: Array<{ network: string, shares: number, viewsBack: number, viewsPerShare: number | null }>, engagedTime: { engagedViews: number, averageSeconds: number | null } } | null };

export type SectionArticlesQueryVariables = Exact<{
  range: RangeInput;
  sectionId: string;
}>;


export type SectionArticlesQuery = { readership: Array<{ views: number, uniqueReaders: number }> };

export type LayoutQueryVariables = Exact<{
  edition?: string | null | undefined;
  recent: RangeInput;
  country: string;
  withRegions: boolean;
}>;


export type LayoutQuery = { editions: Array<string>, sections: Array<{ id: string, slug: string, name: string }>, countries: Array<{ country: string | null, views: number }>, regions?: Array<{ region: string | null, views: number }> };

export type SectionIdsQueryVariables = Exact<{ [key: string]: never; }>;


export type SectionIdsQuery = { sections: Array<{ id: string, slug: string }> };

export type LiveQueryVariables = Exact<{
  filter?: ReadershipFilter | null | undefined;
  edition?: string | null | undefined;
}>;


export type LiveQuery = { live: { activeReaders: number, viewsPerMinute: Array<{ at: string, views: number }>, topArticles: Array<{ views: number, uniqueReaders: number, article: { id: string, title: string, section: { id: string, name: string } } }>, bySection: Array<{ uniqueReaders: number, section: { id: string, name: string } | null }>, byChannel: Array<{ channel: string | null, uniqueReaders: number }> } };

export type LiveSparklinesQueryVariables = Exact<{
  filter: ReadershipFilter;
  range: RangeInput;
}>;


export type LiveSparklinesQuery = { readership: Array<{ bucket: string | null, views: number, article: { id: string } | null }> };

export type RegionsQueryVariables = Exact<{
  range: RangeInput;
  filter?: ReadershipFilter | null | undefined;
  interval: Interval;
}>;


export type RegionsQuery = { total: Array<{ views: number, uniqueReaders: number }>, countries: Array<{ country: string | null, views: number, uniqueReaders: number }>, regions: Array<{ country: string | null, region: string | null, views: number, uniqueReaders: number }>, series: Array<{ country: string | null, bucket: string | null, views: number }> };

export type StatsFragment = { views: number, uniqueReaders: number, articlesRead: number, viewsPerArticle: number | null, shares: number, sharesPerThousandViews: number | null, averageEngagedSeconds: number | null };

export type ChangeFragment = { views: number | null, uniqueReaders: number | null, articlesRead: number | null, viewsPerArticle: number | null, shares: number | null, sharesPerThousandViews: number | null, averageEngagedSeconds: number | null };

export type PerformanceFragment = { current: { views: number, uniqueReaders: number, articlesRead: number, viewsPerArticle: number | null, shares: number, sharesPerThousandViews: number | null, averageEngagedSeconds: number | null }, previous: { views: number, uniqueReaders: number, articlesRead: number, viewsPerArticle: number | null, shares: number, sharesPerThousandViews: number | null, averageEngagedSeconds: number | null }, change: { views: number | null, uniqueReaders: number | null, articlesRead: number | null, viewsPerArticle: number | null, shares: number | null, sharesPerThousandViews: number | null, averageEngagedSeconds: number | null } };

export type SectionsQueryVariables = Exact<{
  range: RangeInput;
  previous: RangeInput;
  interval: Interval;
  filter?: ReadershipFilter | null | undefined;
  from: string;
  to: string;
  edition?: string | null | undefined;
}>;


export type SectionsQuery = { sections: Array<{ id: string, slug: string, name: string, articlesPublished: number, performance: { current: { views: number, uniqueReaders: number, articlesRead: number, viewsPerArticle: number | null, shares: number, sharesPerThousandViews: number | null, averageEngagedSeconds: number | null }, previous: { views: number, uniqueReaders: number, articlesRead: number, viewsPerArticle: number | null, shares: number, sharesPerThousandViews: number | null, averageEngagedSeconds: number | null }, change: { views: number | null, uniqueReaders: number | null, articlesRead: number | null, viewsPerArticle: number | null, shares: number | null, sharesPerThousandViews: number | null, averageEngagedSeconds: number | null } } }>, current: Array<{ bucket: string | null, views: number, section: { id: string } | null }>, previous: Array<{ bucket: string | null, views: number, section: { id: string } | null }> };

export type SectionDetailQueryVariables = Exact<{
  slug: string;
  range: RangeInput;
  previous: RangeInput;
  interval: Interval;
  filter: ReadershipFilter;
  from: string;
  to: string;
  edition?: string | null | undefined;
}>;


export type SectionDetailQuery = { section: { id: string, name: string, articlesPublished: number, performance: { current: { views: number, uniqueReaders: number, articlesRead: number, viewsPerArticle: number | null, shares: number, sharesPerThousandViews: number | null, averageEngagedSeconds: number | null }, previous: { views: number, uniqueReaders: number, articlesRead: number, viewsPerArticle: number | null, shares: number, sharesPerThousandViews: number | null, averageEngagedSeconds: number | null }, change: { views: number | null, uniqueReaders: number | null, articlesRead: number | null, viewsPerArticle: number | null, shares: number | null, sharesPerThousandViews: number | null, averageEngagedSeconds: number | null } } } | null, current: Array<{ bucket: string | null, views: number }>, previous: Array<{ bucket: string | null, views: number }>, topArticles: Array<{ views: number, uniqueReaders: number, article: { id: string, title: string, publishedAt: string | null, authors: Array<{ name: string }> } }>, authors: Array<{ views: number, uniqueReaders: number, author: { id: string, name: string } | null }>, channels: Array<{ channel: string | null, views: number, uniqueReaders: number }>, devices: Array<{ device: string | null, views: number, uniqueReaders: number }>, countries: Array<{ country: string | null, views: number, uniqueReaders: number }> };

export type LoginMutationVariables = Exact<{
  email: string;
  password: string;
}>;


export type LoginMutation = { login: { token: string, expiresAt: string, user: { id: string, email: string, name: string, role: Role } } };

export type LogoutMutationVariables = Exact<{ [key: string]: never; }>;


export type LogoutMutation = { logout: boolean };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { id: string, email: string, name: string, role: Role } | null };

export type SignedInUserFragment = { id: string, email: string, name: string, role: Role };

export type SharesQueryVariables = Exact<{
  range: RangeInput;
  filter?: ReadershipFilter | null | undefined;
  edition?: string | null | undefined;
}>;


export type SharesQuery = { networks: Array<{ key: string, shares: number }>, topShared: Array<{ shares: number, views: number, article: { id: string, title: string, section: { name: string }, amplification: Array<{ network: string, shares: number, viewsBack: number }> } }>, sections: Array<{ id: string, name: string, performance: { current: { views: number, shares: number, sharesPerThousandViews: number | null } } }> };

export type SharesInBucketQueryVariables = Exact<{
  range: RangeInput;
}>;


export type SharesInBucketQuery = { shareStats: Array<{ key: string, shares: number }> };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const StatsFragmentDoc = new TypedDocumentString(`
    fragment Stats on PeriodStats {
  views
  uniqueReaders
  articlesRead
  viewsPerArticle
  shares
  sharesPerThousandViews
  averageEngagedSeconds
}
    `, {"fragmentName":"Stats"}) as unknown as TypedDocumentString<StatsFragment, unknown>;
export const ChangeFragmentDoc = new TypedDocumentString(`
    fragment Change on PeriodChange {
  views
  uniqueReaders
  articlesRead
  viewsPerArticle
  shares
  sharesPerThousandViews
  averageEngagedSeconds
}
    `, {"fragmentName":"Change"}) as unknown as TypedDocumentString<ChangeFragment, unknown>;
export const PerformanceFragmentDoc = new TypedDocumentString(`
    fragment Performance on Performance {
  current {
    ...Stats
  }
  previous {
    ...Stats
  }
  change {
    ...Change
  }
}
    fragment Stats on PeriodStats {
  views
  uniqueReaders
  articlesRead
  viewsPerArticle
  shares
  sharesPerThousandViews
  averageEngagedSeconds
}
fragment Change on PeriodChange {
  views
  uniqueReaders
  articlesRead
  viewsPerArticle
  shares
  sharesPerThousandViews
  averageEngagedSeconds
}`, {"fragmentName":"Performance"}) as unknown as TypedDocumentString<PerformanceFragment, unknown>;
export const SignedInUserFragmentDoc = new TypedDocumentString(`
    fragment SignedInUser on User {
  id
  email
  name
  role
}
    `, {"fragmentName":"SignedInUser"}) as unknown as TypedDocumentString<SignedInUserFragment, unknown>;
export const ArticleDocument = new TypedDocumentString(`
    query Article($id: ID!, $range: RangeInput!, $interval: Interval!) {
  article(id: $id) {
    id
    title
    lead
    edition
    publishedAt
    section {
      id
      slug
      name
    }
    authors {
      name
    }
    views(range: $range)
    uniqueReaders(range: $range)
    viewsTimeline(range: $range, interval: $interval) {
      at
      views
      uniqueReaders
    }
    countries: readership(range: $range, by: COUNTRY) {
      value
      views
      uniqueReaders
    }
    regions: readership(range: $range, by: REGION) {
      value
      views
      uniqueReaders
    }
    channels: readership(range: $range, by: CHANNEL) {
      value
      views
      uniqueReaders
    }
    devices: readership(range: $range, by: DEVICE) {
      value
      views
      uniqueReaders
    }
    shares(range: $range) {
      total
      byNetwork {
        network
        count
      }
    }
    amplification(range: $range) {
      network
      shares
      viewsBack
      viewsPerShare
    }
    engagedTime(range: $range) {
      engagedViews
      averageSeconds
    }
  }
}
    `, {"hash":"b89c722838a267a565153c810d051115c5d9f75d8c3bad3cdb09c9f4318b811f","operationName":"Article"}) as unknown as TypedDocumentString<ArticleQuery, ArticleQueryVariables>;
export const SectionArticlesDocument = new TypedDocumentString(`
    query SectionArticles($range: RangeInput!, $sectionId: ID!) {
  readership(
    by: [ARTICLE]
    range: $range
    filter: {sectionIds: [$sectionId]}
    first: 5000
  ) {
    views
    uniqueReaders
  }
}
    `, {"hash":"a7fe57e3651f148e0095dc58079f2847987ca2572a6121a29e6f08290d737629","operationName":"SectionArticles"}) as unknown as TypedDocumentString<SectionArticlesQuery, SectionArticlesQueryVariables>;
export const LayoutDocument = new TypedDocumentString(`
    query Layout($edition: String, $recent: RangeInput!, $country: String!, $withRegions: Boolean!) {
  editions
  sections {
    id
    slug
    name(edition: $edition)
  }
  countries: readership(by: [COUNTRY], range: $recent, first: 250) {
    country
    views
  }
  regions: readership(
    by: [REGION]
    range: $recent
    filter: {countries: [$country]}
    first: 500
  ) @include(if: $withRegions) {
    region
    views
  }
}
    `, {"hash":"4b8ed2aded1b74170697dac46e7ecafdce6e12ac132202cb919df57b6ef6eb47","operationName":"Layout"}) as unknown as TypedDocumentString<LayoutQuery, LayoutQueryVariables>;
export const SectionIdsDocument = new TypedDocumentString(`
    query SectionIds {
  sections {
    id
    slug
  }
}
    `, {"hash":"daeb46bbef7de319e4978936fb8ae35449b9dcc861fc57eac638628808c9cb93","operationName":"SectionIds"}) as unknown as TypedDocumentString<SectionIdsQuery, SectionIdsQueryVariables>;
export const LiveDocument = new TypedDocumentString(`
    query Live($filter: ReadershipFilter, $edition: String) {
  live(first: 10, filter: $filter) {
    activeReaders
    viewsPerMinute {
      at
      views
    }
    topArticles {
      views
      uniqueReaders
      article {
        id
        title
        section {
          id
          name(edition: $edition)
        }
      }
    }
    bySection: readersBySection {
      uniqueReaders
      section {
        id
        name(edition: $edition)
      }
    }
    byChannel: readersByChannel {
      channel
      uniqueReaders
    }
  }
}
    `, {"hash":"f2d59793ddf123fbc4a1acb6f6072e6493442c06d292a738430e0bacc1e7ca4b","operationName":"Live"}) as unknown as TypedDocumentString<LiveQuery, LiveQueryVariables>;
export const LiveSparklinesDocument = new TypedDocumentString(`
    query LiveSparklines($filter: ReadershipFilter!, $range: RangeInput!) {
  readership(
    by: [ARTICLE]
    interval: MINUTE
    range: $range
    filter: $filter
    first: 5000
  ) {
    article {
      id
    }
    bucket
    views
  }
}
    `, {"hash":"9c016348b17f71b6d6132c9e8db0aecc0e5f72ce866c6e58dea02ac5bab3491a","operationName":"LiveSparklines"}) as unknown as TypedDocumentString<LiveSparklinesQuery, LiveSparklinesQueryVariables>;
export const RegionsDocument = new TypedDocumentString(`
    query Regions($range: RangeInput!, $filter: ReadershipFilter, $interval: Interval!) {
  total: readership(by: [], range: $range, filter: $filter, first: 1) {
    views
    uniqueReaders
  }
  countries: readership(by: [COUNTRY], range: $range, filter: $filter, first: 250) {
    country
    views
    uniqueReaders
  }
  regions: readership(
    by: [COUNTRY, REGION]
    range: $range
    filter: $filter
    first: 500
  ) {
    country
    region
    views
    uniqueReaders
  }
  series: readership(
    by: [COUNTRY]
    interval: $interval
    range: $range
    filter: $filter
    first: 5000
  ) {
    country
    bucket
    views
  }
}
    `, {"hash":"9cba652d3592eb918cf9d10244e3aa16de0d7f46f82d84c2bd49bfbb7e757777","operationName":"Regions"}) as unknown as TypedDocumentString<RegionsQuery, RegionsQueryVariables>;
export const SectionsDocument = new TypedDocumentString(`
    query Sections($range: RangeInput!, $previous: RangeInput!, $interval: Interval!, $filter: ReadershipFilter, $from: DateTimeISO!, $to: DateTimeISO!, $edition: String) {
  sections {
    id
    slug
    name(edition: $edition)
    articlesPublished(from: $from, to: $to, edition: $edition)
    performance(range: $range) {
      ...Performance
    }
  }
  current: readership(
    by: [SECTION]
    interval: $interval
    range: $range
    filter: $filter
    first: 5000
  ) {
    section {
      id
    }
    bucket
    views
  }
  previous: readership(
    by: [SECTION]
    interval: $interval
    range: $previous
    filter: $filter
    first: 5000
  ) {
    section {
      id
    }
    bucket
    views
  }
}
    fragment Stats on PeriodStats {
  views
  uniqueReaders
  articlesRead
  viewsPerArticle
  shares
  sharesPerThousandViews
  averageEngagedSeconds
}
fragment Change on PeriodChange {
  views
  uniqueReaders
  articlesRead
  viewsPerArticle
  shares
  sharesPerThousandViews
  averageEngagedSeconds
}
fragment Performance on Performance {
  current {
    ...Stats
  }
  previous {
    ...Stats
  }
  change {
    ...Change
  }
}`, {"hash":"63c4c274ef6236fcf321fa1f51833453b881841c16707ab09d86681885ad8d84","operationName":"Sections"}) as unknown as TypedDocumentString<SectionsQuery, SectionsQueryVariables>;
export const SectionDetailDocument = new TypedDocumentString(`
    query SectionDetail($slug: String!, $range: RangeInput!, $previous: RangeInput!, $interval: Interval!, $filter: ReadershipFilter!, $from: DateTimeISO!, $to: DateTimeISO!, $edition: String) {
  section(slug: $slug) {
    id
    name(edition: $edition)
    articlesPublished(from: $from, to: $to, edition: $edition)
    performance(range: $range) {
      ...Performance
    }
  }
  current: readership(
    by: []
    interval: $interval
    range: $range
    filter: $filter
    first: 5000
  ) {
    bucket
    views
  }
  previous: readership(
    by: []
    interval: $interval
    range: $previous
    filter: $filter
    first: 5000
  ) {
    bucket
    views
  }
  topArticles(first: 20, range: $range, filter: $filter) {
    views
    uniqueReaders
    article {
      id
      title
      publishedAt
      authors {
        name
      }
    }
  }
  authors: readership(by: [AUTHOR], range: $range, filter: $filter, first: 15) {
    views
    uniqueReaders
    author {
      id
      name
    }
  }
  channels: readership(by: [CHANNEL], range: $range, filter: $filter, first: 20) {
    channel
    views
    uniqueReaders
  }
  devices: readership(by: [DEVICE], range: $range, filter: $filter, first: 10) {
    device
    views
    uniqueReaders
  }
  countries: readership(by: [COUNTRY], range: $range, filter: $filter, first: 10) {
    country
    views
    uniqueReaders
  }
}
    fragment Stats on PeriodStats {
  views
  uniqueReaders
  articlesRead
  viewsPerArticle
  shares
  sharesPerThousandViews
  averageEngagedSeconds
}
fragment Change on PeriodChange {
  views
  uniqueReaders
  articlesRead
  viewsPerArticle
  shares
  sharesPerThousandViews
  averageEngagedSeconds
}
fragment Performance on Performance {
  current {
    ...Stats
  }
  previous {
    ...Stats
  }
  change {
    ...Change
  }
}`, {"hash":"e60f79a100c747a5684c63f1658d1735c542637180e9f517ccbbc2398dfe686b","operationName":"SectionDetail"}) as unknown as TypedDocumentString<SectionDetailQuery, SectionDetailQueryVariables>;
export const LoginDocument = new TypedDocumentString(`
    mutation Login($email: String!, $password: String!) {
  login(email: $email, password: $password) {
    token
    expiresAt
    user {
      ...SignedInUser
    }
  }
}
    fragment SignedInUser on User {
  id
  email
  name
  role
}`, {"hash":"22688df6641a5636fafe1c9ca2abc96260b2df1d30ba101c4f53e664a7ea28d7","operationName":"Login"}) as unknown as TypedDocumentString<LoginMutation, LoginMutationVariables>;
export const LogoutDocument = new TypedDocumentString(`
    mutation Logout {
  logout
}
    `, {"hash":"d33294c28ffdaff741dcadc2dba75b4013cdc29cd5f9e8f61d3ac85d57868a04","operationName":"Logout"}) as unknown as TypedDocumentString<LogoutMutation, LogoutMutationVariables>;
export const MeDocument = new TypedDocumentString(`
    query Me {
  me {
    ...SignedInUser
  }
}
    fragment SignedInUser on User {
  id
  email
  name
  role
}`, {"hash":"ae4ab60f702207c6ada593d403baa33a54f236a7f7546c08803c3afbbecad152","operationName":"Me"}) as unknown as TypedDocumentString<MeQuery, MeQueryVariables>;
export const SharesDocument = new TypedDocumentString(`
    query Shares($range: RangeInput!, $filter: ReadershipFilter, $edition: String) {
  networks: shareStats(by: NETWORK, range: $range, first: 50) {
    key
    shares
  }
  topShared: topArticles(by: SHARES, first: 100, range: $range, filter: $filter) {
    shares
    views
    article {
      id
      title
      section {
        name(edition: $edition)
      }
      amplification(range: $range) {
        network
        shares
        viewsBack
      }
    }
  }
  sections {
    id
    name(edition: $edition)
    performance(range: $range) {
      current {
        views
        shares
        sharesPerThousandViews
      }
    }
  }
}
    `, {"hash":"6c71c00f3d7e5fde6048a6884e6a4cf01a2037a5e5861614909d0ebfbe48285d","operationName":"Shares"}) as unknown as TypedDocumentString<SharesQuery, SharesQueryVariables>;
export const SharesInBucketDocument = new TypedDocumentString(`
    query SharesInBucket($range: RangeInput!) {
  shareStats(by: NETWORK, range: $range, first: 50) {
    key
    shares
  }
}
    `, {"hash":"7ff909ef679b981329786b32e77100345a1612e298a84665b64c2b311deed88c","operationName":"SharesInBucket"}) as unknown as TypedDocumentString<SharesInBucketQuery, SharesInBucketQueryVariables>;