import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyMigrations, type ClickHouse, openClickHouse, readMigrations } from '@byline/clickhouse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR } from '../src/clickhouse/open.js';

const SECTIONS = '003-section-rollups.sql';
// 22:00 UTC: the events run over a UTC midnight.
const BASE = Date.UTC(2026, 4, 20, 22, 0, 0);

let root: string;
let clickhouse: ClickHouse;

const rows = async <T>(query: string) => (await clickhouse.client.query({ query, format: 'JSONEachRow' })).json<T>();

/** Per UTC day and section: views, readers, articles read, shares, engaged views and seconds. */
interface Day {
  views: number;
  readers: Set<string>;
  articles: Set<string>;
  shares: number;
  engagedViews: number;
  engagedSeconds: number;
}
const truth = new Map<string, Day>();
const dayOf = (time: number, section: string) => {
  const key = `${new Date(time).toISOString().slice(0, 10)}|${section}`;
  const day = truth.get(key) ?? {
    views: 0,
    readers: new Set(),
    articles: new Set(),
    shares: 0,
    engagedViews: 0,
    engagedSeconds: 0,
  };
  truth.set(key, day);
  return day;
};

/** Rows written before migration 003, as the collector wrote them then (no previous_seconds). */
function oldRows() {
  const views: Record<string, unknown>[] = [];
  const shares: Record<string, unknown>[] = [];
  const engagement: Record<string, unknown>[] = [];
  for (let i = 0; i < 600; i++) {
    const time = BASE + i * 30_000;
    const [article, section] = [String(10 + (i % 5)), String(1 + (i % 3))];
    const visitor = String(1_000 + (i % 97));
    const facts = {
      time,
      article_id: article,
      section_id: section,
      edition: 'en',
      author_ids: [1],
      country: 'AZ',
      region: '',
    };
    const viewId = randomUUID();
    views.push({ ...facts, event_id: viewId, visitor_id: visitor, device: 'desktop', channel: 'direct', path: '/' });
    const day = dayOf(time, section);
    day.views += 1;
    day.readers.add(visitor);
    day.articles.add(article);
    if (i % 4 === 0) {
      shares.push({ ...facts, event_id: randomUUID(), visitor_id: visitor, network: 'x' });
      day.shares += 1;
    }
    if (i % 2 === 0) {
      // Cumulative heartbeats, the last one sent arriving first.
      const totals = [15, 30 + (i % 40), 75 + (i % 90)];
      const times = [time + 20_000, time + 90_000, time + 60_000];
      totals.forEach((seconds, beat) => {
        engagement.push({
          ...facts,
          event_id: randomUUID(),
          time: times[beat],
          view_id: viewId,
          visitor_id: visitor,
          engaged_seconds: seconds,
          scroll_depth: 50,
        });
      });
      // Engaged time adds up as increments of the running total, each on its heartbeat's day;
      // the view counts as engaged where its first total (the smallest) was sent.
      totals.forEach((seconds, beat) => {
        const at = dayOf(times[beat] as number, section);
        at.engagedSeconds += seconds - (beat === 0 ? 0 : (totals[beat - 1] as number));
        if (beat === 0) at.engagedViews += 1;
      });
    }
  }
  return { views, shares, engagement };
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'byline-sections-'));
  clickhouse = await openClickHouse({ database: 'default', dataDir: join(root, 'ch') });
  const migrations = await readMigrations(MIGRATIONS_DIR);
  await applyMigrations(
    clickhouse.client,
    migrations.filter((migration) => migration.name < SECTIONS),
  );
  for (const [table, values] of Object.entries(oldRows())) {
    await clickhouse.client.insert({ table, values, format: 'JSONEachRow' });
  }
  await applyMigrations(clickhouse.client, migrations);
}, 120_000);

afterAll(async () => {
  await clickhouse?.close();
  await rm(root, { recursive: true, force: true });
});

describe('migration 003', () => {
  const expected = () =>
    [...truth]
      .map(([key, day]) => {
        const [date, section] = key.split('|');
        return {
          day: date,
          section: section,
          views: day.views,
          readers: day.readers.size,
          articles: day.articles.size,
          shares: day.shares,
          engaged_views: day.engagedViews,
          engaged_seconds: day.engagedSeconds,
        };
      })
      .sort((a, b) => `${a.day}|${a.section}`.localeCompare(`${b.day}|${b.section}`));
  const stored = (table: string, time: string) =>
    rows(
      `SELECT toString(toDate(${time})) AS day, toString(section_id) AS section, toUInt32(sum(views)) AS views,
              toUInt32(uniqCombinedMerge(12)(readers)) AS readers, toUInt32(groupBitmapMerge(articles)) AS articles,
              toUInt32(sum(shares)) AS shares, toUInt32(sum(engaged_views)) AS engaged_views,
              toUInt32(sum(engaged_seconds)) AS engaged_seconds
         FROM ${table} GROUP BY day, section ORDER BY day, section`,
    );

  it('fills the section rollups from the rows already stored', async () => {
    expect(truth.size).toBeGreaterThan(3);
    expect(await stored('section_days', 'day')).toEqual(expected());
    expect(await stored('section_hours', 'hour')).toEqual(expected());
  });

  it('counts once when run again', async () => {
    await clickhouse.client.command({
      query: `ALTER TABLE schema_migrations DELETE WHERE name = '${SECTIONS}' SETTINGS mutations_sync = 2`,
    });
    expect(await applyMigrations(clickhouse.client, await readMigrations(MIGRATIONS_DIR))).toEqual([SECTIONS]);
    expect(await stored('section_days', 'day')).toEqual(expected());
  });
});
