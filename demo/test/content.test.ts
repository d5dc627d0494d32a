import { isoWeekday, wallTimeOf, zonedClock, zonedTimeToUtc } from '@byline/time';
import { describe, expect, it } from 'vitest';
import { type ArticleRow, createArticleGenerator, type GeneratorOptions } from '../src/content/articles.js';
import { ENGLISH, languageFor, slugify } from '../src/content/vocabulary/index.js';
import { SECTION_SLUGS } from '../src/content/vocabulary/keys.js';

const EDITIONS = new Map([
  ['en', 'english'],
  ['ru', 'russian'],
  ['az', 'simple'],
]);
const END_AT = new Date('2025-01-29T00:00:00Z');
const OPTIONS: GeneratorOptions = { seed: 20250129, endAt: END_AT, timeZone: 'Asia/Baku', editions: EDITIONS };
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const HOUR = 3_600_000;

function generate(count: number, options: GeneratorOptions = OPTIONS): ArticleRow[] {
  const generator = createArticleGenerator(options);
  return Array.from({ length: count }, (_, i) => generator.article(i + 1));
}

const sample = generate(4000);

describe('determinism', () => {
  it('gives identical rows and catalog for identical inputs', () => {
    const again = createArticleGenerator({ ...OPTIONS, editions: new Map(EDITIONS) });
    expect(Array.from({ length: 300 }, (_, i) => again.article(i + 1))).toEqual(sample.slice(0, 300));
    expect(again.catalog).toEqual(createArticleGenerator(OPTIONS).catalog);
  });

  it('keeps the first articles when more are generated, in any order', () => {
    const small = generate(100);
    const large = generate(500);
    expect(large.slice(0, 100)).toEqual(small);
    const generator = createArticleGenerator(OPTIONS);
    const backwards = Array.from({ length: 100 }, (_, i) => generator.article(100 - i)).reverse();
    expect(backwards).toEqual(small);
  });

  it('changes with the seed', () => {
    const other = generate(50, { ...OPTIONS, seed: 7 });
    expect(other.map((a) => a.title)).not.toEqual(sample.slice(0, 50).map((a) => a.title));
  });
});

describe('zoned time', () => {
  // [zone, local wall time, expected UTC]
  const cases: [string, string, string][] = [
    ['Asia/Baku', '2024-01-15 09:30', '2024-01-15T05:30:00.000Z'],
    ['Asia/Baku', '2024-07-15 09:30', '2024-07-15T05:30:00.000Z'],
    ['Europe/Berlin', '2024-03-30 12:00', '2024-03-30T11:00:00.000Z'],
    ['Europe/Berlin', '2024-03-31 12:00', '2024-03-31T10:00:00.000Z'],
    // 02:30 does not exist on 31 March: it moves forward to 03:30 CEST.
    ['Europe/Berlin', '2024-03-31 02:30', '2024-03-31T01:30:00.000Z'],
    // 02:30 happens twice on 27 October: the earlier (CEST) one.
    ['Europe/Berlin', '2024-10-27 02:30', '2024-10-27T00:30:00.000Z'],
    ['Europe/Berlin', '2024-10-27 12:00', '2024-10-27T11:00:00.000Z'],
    ['America/New_York', '2024-01-10 09:00', '2024-01-10T14:00:00.000Z'],
    ['America/New_York', '2024-07-04 09:00', '2024-07-04T13:00:00.000Z'],
    ['America/New_York', '2024-03-10 02:30', '2024-03-10T07:30:00.000Z'],
    ['America/New_York', '2024-11-03 01:30', '2024-11-03T05:30:00.000Z'],
  ];

  it.each(cases)('reads %s %s as %s', (zone, local, expected) => {
    const [year, month, day, hour, minute] = local.split(/[- :]/).map(Number) as [
      number,
      number,
      number,
      number,
      number,
    ];
    const wall = { year, month, day, hour, minute };
    expect(zonedTimeToUtc(wall, zone).toISOString()).toBe(expected);
    expect(zonedClock(zone)(wall).toISOString()).toBe(expected);
  });

  it('round-trips every hour of a year, and the cached clock agrees with the exact conversion', () => {
    for (const zone of ['Europe/Berlin', 'America/New_York', 'Asia/Baku', 'Australia/Lord_Howe']) {
      const clock = zonedClock(zone);
      for (let t = Date.UTC(2024, 0, 1); t < Date.UTC(2025, 0, 1); t += HOUR) {
        const wall = wallTimeOf(t, zone);
        const exact = zonedTimeToUtc(wall, zone);
        // A repeated wall time maps to its earlier instant, so compare wall times rather than instants.
        expect(wallTimeOf(exact, zone)).toEqual(wall);
        expect(exact.getTime()).toBeLessThanOrEqual(t);
        expect(clock(wall).getTime()).toBe(exact.getTime());
      }
    }
  });

  it('numbers weekdays from Monday', () => {
    expect(isoWeekday({ year: 2025, month: 1, day: 27 })).toBe(0);
    expect(isoWeekday({ year: 2025, month: 2, day: 2 })).toBe(6);
  });
});

describe('publication times', () => {
  const published = sample.filter((a) => a.publishedAt !== null);

  it('fall within the two years before endAt', () => {
    const twoYearsBefore = Date.UTC(2023, 0, 28);
    for (const article of sample) {
      const time = (article.publishedAt ?? article.createdAt).getTime();
      expect(time).toBeLessThan(END_AT.getTime());
      expect(time).toBeGreaterThan(twoYearsBefore - 24 * HOUR);
    }
  });

  it('cluster in working hours in the newsroom zone, with fewer on weekends', () => {
    const local = published.map((a) => wallTimeOf(a.publishedAt as Date, 'Asia/Baku'));
    const daytime = local.filter((wall) => wall.hour >= 8 && wall.hour < 20).length;
    expect(daytime / local.length).toBeGreaterThan(0.7);
    const weekend = local.filter((wall) => isoWeekday(wall) >= 5).length;
    // Weekends are 2/7 of the days; they get clearly less than their share.
    expect(weekend / local.length).toBeLessThan(0.2);
  });

  it('cluster in working hours of any configured zone, DST included', () => {
    const zone = 'America/New_York';
    const rows = generate(1500, { ...OPTIONS, timeZone: zone }).filter((a) => a.publishedAt);
    const daytime = rows.filter((a) => {
      const hour = wallTimeOf(a.publishedAt as Date, zone).hour;
      return hour >= 8 && hour < 20;
    });
    expect(daytime.length / rows.length).toBeGreaterThan(0.7);
  });

  it('order creation, publication and update', () => {
    for (const article of sample) {
      expect(article.createdAt.getTime()).toBeLessThanOrEqual(article.updatedAt.getTime());
      if (article.publishedAt) {
        expect(article.createdAt.getTime()).toBeLessThanOrEqual(article.publishedAt.getTime());
        expect(article.updatedAt.getTime()).toBeGreaterThanOrEqual(article.publishedAt.getTime());
      }
    }
  });
});

describe('articles', () => {
  it('have slugs unique per edition, ASCII kebab-case', () => {
    for (const edition of EDITIONS.keys()) {
      const slugs = sample.filter((a) => a.edition === edition).map((a) => a.slug);
      expect(new Set(slugs).size).toBe(slugs.length);
    }
    for (const article of sample) expect(article.slug).toMatch(SLUG);
  });

  it('share a story id across editions for translations', () => {
    const stories = new Map<string, ArticleRow[]>();
    for (const article of sample) stories.set(article.storyId, [...(stories.get(article.storyId) ?? []), article]);
    const translated = [...stories.values()].filter((group) => group.length > 1);
    expect(translated.length / stories.size).toBeGreaterThan(0.08);
    expect(translated.length / stories.size).toBeLessThan(0.25);
    for (const group of translated) {
      expect(group.length).toBeLessThanOrEqual(3);
      expect(new Set(group.map((a) => a.edition)).size).toBe(group.length);
      expect(new Set(group.map((a) => a.sectionId)).size).toBe(1);
      expect(new Set(group.map((a) => a.body.length)).size).toBe(1);
      expect(new Set(group.map((a) => a.source)).size).toBe(1);
    }
  });

  it('give every edition articles in its own language', () => {
    const byEdition = (edition: string) => sample.filter((a) => a.edition === edition);
    for (const edition of EDITIONS.keys()) expect(byEdition(edition).length).toBeGreaterThan(sample.length / 10);
    for (const article of byEdition('ru')) expect(article.title).toMatch(/[А-Яа-яЁё]/);
    for (const article of byEdition('en')) expect(article.title + article.lead).not.toMatch(/[А-Яа-яЁёəƏ]/);
    const azerbaijani = byEdition('az').filter((a) => /[əƏğĞıİöÖüÜşŞçÇ]/.test(a.title + a.lead));
    expect(azerbaijani.length).toBe(byEdition('az').length);
    for (const article of sample) expect(article.searchConfig).toBe(EDITIONS.get(article.edition));
  });

  it('have 3-7 paragraphs, a byline of 1-2 authors, 2-5 tags and a matching reading time', () => {
    for (const article of sample) {
      expect(article.body.length).toBeGreaterThanOrEqual(3);
      expect(article.body.length).toBeLessThanOrEqual(7);
      expect(article.authorIds.length).toBeGreaterThanOrEqual(1);
      expect(article.authorIds.length).toBeLessThanOrEqual(2);
      expect(new Set(article.authorIds).size).toBe(article.authorIds.length);
      expect(article.tagIds.length).toBeGreaterThanOrEqual(2);
      expect(article.tagIds.length).toBeLessThanOrEqual(5);
      expect(new Set(article.tagIds).size).toBe(article.tagIds.length);
      const words = [article.title, article.lead, ...article.body].join(' ').split(/\s+/).filter(Boolean).length;
      expect(article.readingMinutes).toBe(Math.max(1, Math.round(words / 200)));
    }
  });

  it('are mostly published, with a few archived and drafts without a publication time', () => {
    const share = (status: string) => sample.filter((a) => a.status === status).length / sample.length;
    expect(share('published')).toBeGreaterThan(0.94);
    expect(share('archived')).toBeGreaterThan(0.005);
    expect(share('draft')).toBeGreaterThan(0);
    for (const article of sample) expect(article.publishedAt === null).toBe(article.status === 'draft');
  });

  it('carry an agency source on about a fifth of the titles', () => {
    const sourced = sample.filter((a) => a.source !== null);
    expect(sourced.length / sample.length).toBeGreaterThan(0.12);
    expect(sourced.length / sample.length).toBeLessThan(0.3);
    for (const article of sourced) expect(article.title.startsWith(`${article.source}: `)).toBe(true);
  });

  it('reference only catalog rows, with skewed sections and authors', () => {
    const { catalog } = createArticleGenerator(OPTIONS);
    const count = (ids: number[]) => {
      const counts = new Map<number, number>();
      for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
      return [...counts.values()].sort((a, b) => b - a);
    };
    const sections = count(sample.map((a) => a.sectionId));
    const authors = count(sample.flatMap((a) => a.authorIds));
    expect(sections[0]).toBeGreaterThan(3 * (sections.at(-1) ?? 0));
    expect(authors[0]).toBeGreaterThan(5 * (authors.at(-1) ?? 0));
    const sectionIds = new Set(catalog.sections.map((s) => s.id));
    const authorIds = new Set(catalog.authors.map((a) => a.id));
    const tagIds = new Set(catalog.tags.map((t) => t.id));
    for (const article of sample) {
      expect(sectionIds.has(article.sectionId)).toBe(true);
      for (const id of article.authorIds) expect(authorIds.has(id)).toBe(true);
      for (const id of article.tagIds) expect(tagIds.has(id)).toBe(true);
    }
  });

  it('write English for an edition without its own vocabulary', () => {
    const editions = new Map([
      ['de', 'german'],
      ['ru', 'russian'],
    ]);
    const rows = generate(300, { ...OPTIONS, editions });
    const german = rows.filter((a) => a.edition === 'de');
    expect(german.length).toBeGreaterThan(0);
    for (const article of german) {
      expect(article.searchConfig).toBe('german');
      expect(article.title).toMatch(/^[\x20-\x7e“”’]+$/);
    }
    expect(new Set(rows.map((a) => a.edition))).toEqual(new Set(['de', 'ru']));
  });
});

describe('catalog', () => {
  const { catalog } = createArticleGenerator(OPTIONS);

  it('has enough sections, authors and tags with valid, unique slugs', () => {
    expect(catalog.sections.length).toBeGreaterThanOrEqual(10);
    expect(catalog.authors.length).toBeGreaterThanOrEqual(40);
    expect(catalog.tags.length).toBeGreaterThanOrEqual(100);
    expect(catalog.tags.length).toBeLessThanOrEqual(200);
    for (const rows of [catalog.sections, catalog.authors, catalog.tags]) {
      const slugs = rows.map((row) => row.slug);
      expect(new Set(slugs).size).toBe(slugs.length);
      for (const slug of slugs) expect(slug).toMatch(SLUG);
    }
  });

  it('names every section in every configured edition', () => {
    for (const section of catalog.sections) {
      expect(Object.keys(section.names).sort()).toEqual([...EDITIONS.keys()].sort());
      expect(section.names.ru).toMatch(/[А-Яа-я]/);
    }
  });

  it('has parallel phrase lists in every language', () => {
    for (const edition of ['ru', 'az']) expect(languageFor(edition).sizes).toEqual(ENGLISH.sizes);
    for (const slug of SECTION_SLUGS) {
      expect(ENGLISH.sizes.subjects[slug]).toBeGreaterThan(0);
      expect(ENGLISH.sizes.topics[slug]).toBeGreaterThan(0);
    }
  });
});

describe('slugify', () => {
  it('transliterates Cyrillic and Azerbaijani letters to ASCII kebab-case', () => {
    expect(slugify('Москва: что известно')).toBe('moskva-chto-izvestno');
    expect(slugify('Şəhər mərkəzi, İstanbul və Gəncə')).toBe('sheher-merkezi-istanbul-ve-gence');
    expect(slugify('Survey: 54% back the 5G rollout')).toBe('survey-54-back-the-5g-rollout');
    expect(slugify(`${'a'.repeat(10)} ${'b'.repeat(60)}`, 20)).toBe('aaaaaaaaaa');
  });
});
