import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_ENGAGED_SECONDS } from '../src/ingest/engaged-views.js';
import { SITE_HOST, startTestAnalytics, type TestAnalytics } from './support/analytics.js';

/**
 * Engaged time through `POST /collect` into real chDB: heartbeats count only for views
 * the collector recorded, only their new seconds, capped by the wall time since the view
 * and by MAX_ENGAGED_SECONDS. The expected figures come from the model below.
 */

const READ = { article_id: '21', section_id: '5', edition: 'en', author_ids: ['8'] };
/** Never viewed: every heartbeat for it is an orphan. Alone in its section and with its author. */
const UNREAD = { article_id: '22', section_id: '6', edition: 'en', author_ids: ['9'] };
const START = Date.UTC(2026, 3, 6, 9);
const READER = {
  ip: '85.132.7.7',
  userAgent: 'Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0',
};
const RANGE = { from: new Date(START - 3_600_000).toISOString(), to: new Date(START + 12 * 3_600_000).toISOString() };

let analytics: TestAnalytics;

beforeAll(async () => {
  analytics = await startTestAnalytics([READ, UNREAD], START);
});
afterAll(() => analytics?.close());

function beat(article: { article_id: string }, viewId: string, engagedSeconds: number, previousSeconds: number) {
  return {
    type: 'engagement',
    articleId: article.article_id,
    viewId,
    engagedSeconds,
    previousSeconds,
    scrollDepth: 40,
    url: `https://${SITE_HOST}/a/${article.article_id}`,
    id: randomUUID(),
  };
}

async function rejected(): Promise<Record<string, number>> {
  const metrics = await fetch(analytics.collectUrl.replace(/\/collect$/, '/metrics'));
  return ((await metrics.json()) as { rejected: Record<string, number> }).rejected;
}

interface Figures {
  article: { engagedViews: number; totalSeconds: number };
  section: number | null;
  author: number | null;
}

/** The article's engaged time, and its section's and author's average engaged seconds, over RANGE. */
async function figures(article: typeof READ): Promise<Figures> {
  await analytics.service.flush();
  const result = await analytics.graphql<{
    _entities: [
      { engagedTime: Figures['article'] },
      { performance: { current: { averageEngagedSeconds: number | null } } },
      { performance: { current: { averageEngagedSeconds: number | null } } },
    ];
  }>(
    `query($r: [_Any!]!, $range: RangeInput) { _entities(representations: $r) {
      ... on Article { engagedTime(range: $range) { engagedViews totalSeconds } }
      ... on Section { performance(range: $range) { current { averageEngagedSeconds } } }
      ... on Author { performance(range: $range) { current { averageEngagedSeconds } } }
    } }`,
    {
      r: [
        { __typename: 'Article', id: article.article_id },
        { __typename: 'Section', id: article.section_id },
        { __typename: 'Author', id: article.author_ids[0] },
      ],
      range: { ...RANGE, timeZone: 'UTC' },
    },
  );
  expect(result.errors).toBeUndefined();
  const [entity, section, author] = result.data?._entities ?? [];
  return {
    article: entity?.engagedTime ?? { engagedViews: -1, totalSeconds: -1 },
    section: section?.performance.current.averageEngagedSeconds ?? null,
    author: author?.performance.current.averageEngagedSeconds ?? null,
  };
}

describe('engaged time', () => {
  it('counts nothing for heartbeats of views never sent, one by one or 30 in a batch', async () => {
    analytics.clock.now = START + 3_600_000;
    const before = (await rejected()).orphan_heartbeat ?? 0;
    for (let i = 0; i < 3; i++) {
      const answer = await analytics.collect(beat(UNREAD, randomUUID(), 86_400, 0), READER);
      expect(answer).toEqual({ status: 202, body: { accepted: 0, dropped: 1 } });
    }
    const batch = Array.from({ length: 30 }, () => beat(UNREAD, randomUUID(), 86_400, 0));
    expect(await analytics.collect(batch, READER)).toEqual({ status: 202, body: { accepted: 0, dropped: 30 } });
    expect((await rejected()).orphan_heartbeat).toBe(before + 33);
    expect(await figures(UNREAD)).toEqual({
      article: { engagedViews: 0, totalSeconds: 0 },
      section: null,
      author: null,
    });
  });

  it('credits each view only its new seconds, capped by wall time and the maximum: forged replays add nothing', async () => {
    /** The ground truth: per view, when it was sent and the seconds it has earned so far. */
    const model = new Map<string, { at: number; credited: number }>();
    const viewIds = [randomUUID(), randomUUID(), randomUUID()];
    for (const [i, id] of viewIds.entries()) {
      analytics.clock.now = START + 2 * 3_600_000 + i * 1000;
      const sent = { type: 'view', articleId: READ.article_id, url: `https://${SITE_HOST}/a/21`, id };
      expect((await analytics.collect(sent, READER)).status).toBe(202);
      model.set(id, { at: analytics.clock.now, credited: 0 });
    }
    // [view, seconds after START + 2 h, engagedSeconds, previousSeconds]
    const plan: [number, number, number, number][] = [
      [0, 15, 15, 0],
      [0, 16, 15, 0], // a replay
      [0, 17, 15, 0], // and again, as a forger would
      [0, 30, 30, 15],
      [0, 31, 30, 0], // a replay claiming the whole 30 s as new
      [1, 40, 86_400, 0], // more than the wall time since the view
      [1, 41, 86_400, 0],
      [2, 10, 5, 0],
      [2, 3 * 3_600, 86_400, 0], // three hours later: the maximum applies
      [2, 3 * 3_600 + 1, 86_400, 5],
      [0, 60, 20, 0], // less than already credited
    ];
    let stale = 0;
    const before = (await rejected()).stale_heartbeat ?? 0;
    for (const [view, after, engaged, previous] of plan) {
      const id = viewIds[view] as string;
      analytics.clock.now = START + 2 * 3_600_000 + after * 1000;
      const state = model.get(id) as { at: number; credited: number };
      const due = Math.min(engaged, Math.floor((analytics.clock.now - state.at) / 1000), MAX_ENGAGED_SECONDS);
      const credited = due > state.credited;
      if (credited) state.credited = due;
      else stale += 1;
      const answer = await analytics.collect(beat(READ, id, engaged, previous), READER);
      expect(answer).toEqual({ status: 202, body: { accepted: credited ? 1 : 0, dropped: credited ? 0 : 1 } });
    }
    expect((await rejected()).stale_heartbeat).toBe(before + stale);
    const earned = [...model.values()].map((view) => view.credited).filter((seconds) => seconds > 0);
    const total = earned.reduce((sum, seconds) => sum + seconds, 0);
    expect(total).toBeLessThan(2 * MAX_ENGAGED_SECONDS); // the plan did try for more
    const average = total / earned.length;
    const got = await figures(READ);
    expect(got.article).toEqual({ engagedViews: earned.length, totalSeconds: total });
    expect(got.section).toBeCloseTo(average, 9);
    expect(got.author).toBeCloseTo(average, 9);
  });

  it('credits a heartbeat only for the article its view was of', async () => {
    analytics.clock.now = START + 6 * 3_600_000;
    const id = randomUUID();
    const sent = { type: 'view', articleId: READ.article_id, url: `https://${SITE_HOST}/a/21`, id };
    expect((await analytics.collect(sent, READER)).status).toBe(202);
    analytics.clock.now += 60_000;
    expect(await analytics.collect(beat(UNREAD, id, 60, 0), READER)).toEqual({
      status: 202,
      body: { accepted: 0, dropped: 1 },
    });
    expect((await figures(UNREAD)).article).toEqual({ engagedViews: 0, totalSeconds: 0 });
  });
});
