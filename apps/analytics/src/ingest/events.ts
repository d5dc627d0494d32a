/**
 * The rows the collector writes, one type per ClickHouse table. Times are
 * UTC milliseconds since the epoch; ids of content entities are the content
 * subgraph's ids. No row ever holds an IP address.
 */
export const SHARE_NETWORKS = [
  'facebook',
  'x',
  'telegram',
  'whatsapp',
  'vk',
  'linkedin',
  'reddit',
  'email',
  'copy_link',
  'print',
  'native_share',
] as const;
export type ShareNetwork = (typeof SHARE_NETWORKS)[number];

export const CHANNELS = ['direct', 'internal', 'search', 'social', 'email', 'campaign', 'other'] as const;
export type Channel = (typeof CHANNELS)[number];

export const DEVICES = ['desktop', 'mobile', 'tablet', 'other'] as const;
export type Device = (typeof DEVICES)[number];

/** What every event knows about its article, looked up from the content subgraph at ingest. */
export interface ArticleFacts {
  article_id: string;
  section_id: string;
  edition: string;
  author_ids: string[];
}

/** Who and where, derived by the server; never the IP itself. */
export interface ReaderFacts {
  /** Keyed hash of the day's salt, IP and user agent, as a decimal UInt64 string. */
  visitor_id: string;
  /** ISO 3166-1 alpha-2, or '' when unknown. */
  country: string;
  /** Subdivision name when the geo database knows it, else ''. */
  region: string;
}

export interface ViewRow extends ArticleFacts, ReaderFacts {
  event_id: string;
  time: number;
  device: Device;
  browser: string;
  os: string;
  referrer_host: string;
  channel: Channel;
  /** The search engine or social network for `search` and `social`, else ''. */
  channel_source: string;
  utm_source: string;
  utm_medium: string;
  utm_campaign: string;
  path: string;
}

export interface ShareRow extends ArticleFacts, ReaderFacts {
  event_id: string;
  time: number;
  network: ShareNetwork;
}

export interface EngagementRow extends ArticleFacts, ReaderFacts {
  event_id: string;
  time: number;
  /** The page view this heartbeat belongs to. */
  view_id: string;
  /** The view's engaged seconds so far, and as its previous heartbeat said (0 on the first). */
  engaged_seconds: number;
  previous_seconds: number;
  /** Deepest scroll so far, 0 to 100 percent. */
  scroll_depth: number;
}

export type EventRecord =
  | { table: 'views'; row: ViewRow }
  | { table: 'shares'; row: ShareRow }
  | { table: 'engagement'; row: EngagementRow };
