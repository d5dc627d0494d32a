import { randomUUID } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { arrivalColumns } from './arrival-columns.js';
import type { ArticleLookup } from './articles.js';
import { type Credit, createEngagedViews, type EngagedViews } from './engaged-views.js';
import { arrivalOf, siteHostsOf } from './enrich/channel.js';
import { type AgentFacts, describeAgent } from './enrich/device.js';
import { isSpamHost } from './enrich/referrer-spam.js';
import type { ArticleFacts, EventRecord, ReaderFacts } from './events.js';
import { type ClientEvent, eventField, type Payload } from './payload.js';
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
  record(payload: Payload, reader: Reader): Promise<{ accepted: number; dropped: number }>;
  pipeline: Pipeline;
}

const MAX_PATH = 2000;

/** An event kept so far, with its place in the request and its URLs parsed once. */
interface Candidate {
  event: ClientEvent;
  index: number;
  page: URL;
  /** The view's referrer: undefined when it has none, null when it is not a URL. */
  referrer: URL | null | undefined;
}

/**
 * Event ids clients sent in the last day: a beacon or batch delivered twice
 * (a retry after a lost answer) is counted once. Ids are claimed before the
 * events are spooled and released if spooling fails.
 */
function createSeenIds() {
  const seen = new LRUCache<string, true>({ max: 1_000_000, ttl: 86_400_000 });
  return {
    /** False when the event's id was seen before; else true, and its key is added to `claimed`. */
    claim(event: ClientEvent, claimed: string[]): boolean {
      if (!event.id) return true;
      const key = `${event.type}:${event.id}`;
      if (seen.has(key)) return false;
      seen.set(key, true);
      claimed.push(key);
      return true;
    },
    release(claimed: readonly string[]) {
      for (const key of claimed) seen.delete(key);
    },
  };
}

/** The row an event becomes, with what the server derived about its article and reader. */
function toRecord(
  { event, page, referrer }: Candidate,
  article: ArticleFacts,
  who: ReaderFacts,
  time: number,
  agent: AgentFacts,
  siteHosts: readonly string[],
  credit: Credit,
): EventRecord {
  const event_id = event.id ?? randomUUID();
  const { article_id, section_id, edition, author_ids } = article;
  const { visitor_id, country, region } = who;
  switch (event.type) {
    case 'view': {
      return {
        table: 'views',
        row: {
          event_id,
          time,
          article_id,
          section_id,
          edition,
          author_ids,
          visitor_id,
          country,
          region,
          ...arrivalColumns(agent, arrivalOf(page, referrer, siteHosts)),
          path: page.pathname.slice(0, MAX_PATH),
        },
      };
    }
    case 'share':
      return {
        table: 'shares',
        row: {
          event_id,
          time,
          article_id,
          section_id,
          edition,
          author_ids,
          network: event.network,
          visitor_id,
          country,
          region,
        },
      };
    case 'engagement':
      return {
        table: 'engagement',
        row: {
          event_id,
          time,
          view_id: event.viewId,
          article_id,
          section_id,
          edition,
          author_ids,
          visitor_id,
          country,
          region,
          engaged_seconds: credit.engaged,
          previous_seconds: credit.previous,
          scroll_depth: event.scrollDepth,
        },
      };
  }
}

/** The events to keep, their referrers parsed once: views referred by a known spammer are left out. */
function withoutSpam({ events, pages }: Payload): Candidate[] {
  const kept: Candidate[] = [];
  for (let index = 0; index < events.length; index++) {
    const event = events[index] as ClientEvent;
    const referrer = event.type === 'view' && event.referrer ? URL.parse(event.referrer) : undefined;
    if (referrer?.hostname && isSpamHost(referrer.hostname)) continue;
    kept.push({ event, index, page: pages[index] as URL, referrer });
  }
  return kept;
}

const NO_CREDIT: Credit = { previous: 0, engaged: 0 };

/**
 * The rows of events about to be spooled: views are remembered, heartbeats credited
 * with their new, capped seconds; heartbeats of unknown views (`orphans`) or with
 * nothing new (`stale`, a replay) are left out. Synchronous, so two requests never
 * credit the same seconds; `undo` takes it all back when spooling fails.
 */
function credited(
  engaged: EngagedViews,
  kept: Candidate[],
  rowOf: (candidate: Candidate, credit: Credit) => EventRecord,
  time: number,
) {
  const records: EventRecord[] = [];
  const undos: (() => void)[] = [];
  const dropped = { orphan_heartbeat: 0, stale_heartbeat: 0 };
  for (const candidate of kept) {
    const { event } = candidate;
    if (event.type === 'engagement') {
      const result = engaged.credit(event.viewId, event.articleId, event.engagedSeconds, time);
      if (typeof result === 'string') {
        dropped[`${result}_heartbeat`] += 1;
        continue;
      }
      undos.push(result.undo);
      records.push(rowOf(candidate, result.credit));
      continue;
    }
    if (event.type === 'view' && event.id) undos.push(engaged.view(event.id, event.articleId, time));
    records.push(rowOf(candidate, NO_CREDIT));
  }
  return {
    records,
    dropped,
    undo: () => {
      for (const undo of undos.reverse()) undo();
    },
  };
}

export function createIngest(deps: IngestDependencies): Ingest {
  const now = deps.now ?? (() => new Date());
  const seenIds = createSeenIds();
  const engagedViews = createEngagedViews();
  const siteHosts = siteHostsOf(deps.siteHosts);

  /** Checks every event's article, then spools those not seen before; returns how many were. */
  async function spool(all: Candidate[], reader: Reader, form: Payload['form'], agent: AgentFacts): Promise<number> {
    const known = await Promise.all(all.map(({ event }) => deps.articles(event.articleId)));
    const unknown = known.indexOf(null);
    if (unknown >= 0) {
      deps.pipeline.metrics.reject('unknown_article');
      throw new IngestError(
        eventField(form, all[unknown]?.index ?? unknown, 'articleId'),
        'no published article has this id',
      );
    }
    const fresh: number[] = [];
    const claimed: string[] = [];
    for (let i = 0; i < all.length; i++) if (seenIds.claim((all[i] as Candidate).event, claimed)) fresh.push(i);
    if (fresh.length < all.length) deps.pipeline.metrics.reject('duplicate', all.length - fresh.length);
    if (fresh.length === 0) return 0;
    const at = now();
    const place = reader.country ? { country: reader.country, region: '' } : deps.geo(reader.ip);
    const who: ReaderFacts = {
      visitor_id: await deps.visitorId(reader.ip, reader.userAgent, at),
      country: place.country,
      region: place.region,
    };
    const time = at.getTime();
    const facts = new Map(all.map((candidate, i) => [candidate, known[i] as ArticleFacts]));
    const { records, dropped, undo } = credited(
      engagedViews,
      fresh.map((i) => all[i] as Candidate),
      // Every article is known: checked above.
      (candidate, credit) =>
        toRecord(candidate, facts.get(candidate) as ArticleFacts, who, time, agent, siteHosts, credit),
      time,
    );
    try {
      if (records.length > 0) await deps.pipeline.accept(records);
    } catch (error) {
      undo();
      seenIds.release(claimed);
      if (error instanceof SpoolFullError) deps.pipeline.metrics.reject('spool_full');
      throw error;
    }
    for (const [reason, count] of Object.entries(dropped)) if (count > 0) deps.pipeline.metrics.reject(reason, count);
    return records.length;
  }

  return {
    pipeline: deps.pipeline,
    async record(payload, reader) {
      const count = payload.events.length;
      const agent = describeAgent(reader.userAgent);
      if (agent.bot) {
        deps.pipeline.metrics.reject('bot', count);
        return { accepted: 0, dropped: count };
      }
      const wanted = withoutSpam(payload);
      if (wanted.length < count) deps.pipeline.metrics.reject('referrer_spam', count - wanted.length);
      const accepted = await spool(wanted, reader, payload.form, agent);
      return { accepted, dropped: count - accepted };
    },
  };
}
