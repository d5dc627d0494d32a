import { randomUUID } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { ArticleLookup } from './articles.js';
import { classifyChannel } from './enrich/channel.js';
import { describeAgent } from './enrich/device.js';
import { isReferrerSpam } from './enrich/referrer-spam.js';

type Agent = ReturnType<typeof describeAgent>;

import type { ArticleFacts, EventRecord, ReaderFacts } from './events.js';
import { type ClientEvent, eventField, type PayloadForm } from './payload.js';
import { type Pipeline, SpoolFullError } from './pipeline.js';

/** A refused event: the HTTP layer answers 400 and GraphQL BAD_USER_INPUT, naming `field`. */
export class IngestError extends Error {
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field}: ${reason}`);
    this.name = 'IngestError';
  }
}

/** What the server knows of the reader behind a request. The IP is used, never kept. */
export interface Reader {
  ip: string;
  userAgent: string;
  /** Country from a trusted CDN header, when configured. */
  country?: string;
}

export interface IngestDependencies {
  pipeline: Pipeline;
  articles: ArticleLookup;
  geo: (ip: string) => { country: string; region: string };
  visitorId: (ip: string, userAgent: string, at: Date) => Promise<string>;
  siteHosts: string[];
  now?: () => Date;
}

export interface Ingest {
  /**
   * Enriches and spools validated events; resolves once they are on disk.
   * Events from bots and views referred by spammers are dropped. Refusals name the field as the payload's `form` does.
   */
  record(events: ClientEvent[], reader: Reader, form: PayloadForm): Promise<{ accepted: number; dropped: number }>;
  pipeline: Pipeline;
}

const MAX_PATH = 2000;

function pathOf(url: string): string {
  try {
    return new URL(url).pathname.slice(0, MAX_PATH);
  } catch {
    return '';
  }
}

/**
 * Event ids clients sent in the last day: a beacon or batch delivered twice
 * (a retry after a lost answer) is counted once. Ids are claimed before the
 * events are spooled and released if spooling fails.
 */
function createSeenIds() {
  const seen = new LRUCache<string, true>({ max: 1_000_000, ttl: 86_400_000 });
  return {
    claim(events: ClientEvent[]): ClientEvent[] {
      return events.filter((event) => {
        if (!event.id) return true;
        const key = `${event.type}:${event.id}`;
        if (seen.has(key)) return false;
        seen.set(key, true);
        return true;
      });
    },
    release(events: ClientEvent[]) {
      for (const event of events) if (event.id) seen.delete(`${event.type}:${event.id}`);
    },
  };
}

/** The row an event becomes, with what the server derived about its article and reader. */
function toRecord(
  event: ClientEvent,
  base: ArticleFacts & ReaderFacts & { event_id: string; time: number },
  agent: Agent,
  siteHosts: string[],
): EventRecord {
  switch (event.type) {
    case 'view': {
      const arrival = classifyChannel({
        referrer: event.referrer ?? '',
        pageUrl: event.url,
        siteHosts,
      });
      return {
        table: 'views',
        row: {
          ...base,
          device: agent.device,
          browser: agent.browser,
          os: agent.os,
          referrer_host: arrival.referrerHost,
          channel: arrival.channel,
          channel_source: arrival.source,
          utm_source: arrival.utm.source,
          utm_medium: arrival.utm.medium,
          utm_campaign: arrival.utm.campaign,
          path: pathOf(event.url),
        },
      };
    }
    case 'share':
      return { table: 'shares', row: { ...base, network: event.network } };
    case 'engagement':
      return {
        table: 'engagement',
        row: {
          ...base,
          view_id: event.viewId,
          engaged_seconds: event.engagedSeconds,
          scroll_depth: event.scrollDepth,
        },
      };
  }
}

function fromSpammer(event: ClientEvent): boolean {
  return event.type === 'view' && event.referrer !== undefined && isReferrerSpam(event.referrer);
}

export function createIngest(deps: IngestDependencies): Ingest {
  const now = deps.now ?? (() => new Date());
  const seenIds = createSeenIds();

  /**
   * Checks every event's article, then spools those not seen before; returns how many were.
   * `index` is each event's place in the request, for naming a refused field.
   */
  async function spool(
    all: { event: ClientEvent; index: number }[],
    reader: Reader,
    form: PayloadForm,
    agent: Agent,
  ): Promise<number> {
    const known = await Promise.all(all.map(({ event }) => deps.articles(event.articleId)));
    const unknown = known.indexOf(null);
    if (unknown >= 0) {
      deps.pipeline.metrics.reject('unknown_article');
      throw new IngestError(
        eventField(form, all[unknown]?.index ?? unknown, 'articleId'),
        'no published article has this id',
      );
    }
    const facts = known as ArticleFacts[]; // none is null: checked above
    const events = seenIds.claim(all.map(({ event }) => event));
    if (events.length < all.length) deps.pipeline.metrics.reject('duplicate', all.length - events.length);
    if (events.length === 0) return 0;
    const claimed = new Set(events);
    const at = now();
    const place = reader.country ? { country: reader.country, region: '' } : deps.geo(reader.ip);
    const who: ReaderFacts = { visitor_id: await deps.visitorId(reader.ip, reader.userAgent, at), ...place };
    const records = all.flatMap(({ event }, i) => {
      const article = facts[i];
      if (!article || !claimed.has(event)) return [];
      const base = { ...article, ...who, event_id: event.id ?? randomUUID(), time: at.getTime() };
      return [toRecord(event, base, agent, deps.siteHosts)];
    });
    try {
      await deps.pipeline.accept(records);
    } catch (error) {
      seenIds.release(events);
      if (error instanceof SpoolFullError) deps.pipeline.metrics.reject('spool_full');
      throw error;
    }
    return records.length;
  }

  return {
    pipeline: deps.pipeline,
    async record(all, reader, form) {
      const agent = describeAgent(reader.userAgent);
      if (agent.bot) {
        deps.pipeline.metrics.reject('bot', all.length);
        return { accepted: 0, dropped: all.length };
      }
      const wanted = all.map((event, index) => ({ event, index })).filter(({ event }) => !fromSpammer(event));
      if (wanted.length < all.length) deps.pipeline.metrics.reject('referrer_spam', all.length - wanted.length);
      const accepted = await spool(wanted, reader, form, agent);
      return { accepted, dropped: all.length - accepted };
    },
  };
}
