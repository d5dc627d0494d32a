import {
  chance,
  intBetween,
  pick,
  type Random,
  randomFor,
  shuffled,
  unitFor,
  uuidFrom,
  WeightedPicker,
  zipfWeights,
} from '@byline/random';
import { addDays, isoWeekday, type WallTime, wallTimeOf, zonedClock } from '@byline/time';
import { buildCatalog, type Catalog, SECTION_STYLES, type SectionStyle } from './catalog.js';
import { AGENCIES, type Clause, ENGLISH, languageFor, OUTLETS, slugify } from './vocabulary/index.js';
import {
  type CaptionKey,
  DOMESTIC_PLACES,
  type HeadlineKey,
  type LeadKey,
  PLACE_KEYS,
  type PlaceKey,
  type SentenceKey,
} from './vocabulary/keys.js';

type ArticleStatus = 'draft' | 'published' | 'archived';

/** One `articles` row with its byline and tags, ready to insert. */
export interface ArticleRow {
  id: number;
  storyId: string;
  edition: string;
  slug: string;
  status: ArticleStatus;
  title: string;
  source: string | null;
  lead: string;
  body: string[];
  sectionId: number;
  coverUrl: string | null;
  coverCaption: string | null;
  readingMinutes: number;
  publishedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  searchConfig: string;
  /** In byline order. */
  authorIds: number[];
  tagIds: number[];
}

export interface GeneratorOptions {
  seed: number;
  /** Every generated time lies before this instant, within the two years that end here. */
  endAt: Date;
  /** IANA zone of the newsroom, whose working hours shape publication times. */
  timeZone: string;
  /** Edition code → PostgreSQL text-search configuration, in preference order. */
  editions: Map<string, string>;
}

export interface ArticleGenerator {
  readonly catalog: Catalog;
  /** Article `id` (1-based); the same id always gives the same row, whatever else was generated. */
  article(id: number): ArticleRow;
  /** Id of the first article of the story `id` belongs to (translations follow it). */
  storyStart(id: number): number;
}

/** Chance that an article continues the previous one's story in another edition. */
const TRANSLATION_CHANCE = 0.15;
const MAX_EDITIONS_PER_STORY = 3;
const WEEKEND_DAY_ACCEPTANCE = 0.4;
const COVER_COUNT = 5000;
/** News headlines only (a quote or a survey already has its own "X:" prefix); about a fifth of all titles. */
const AGENCY_HEADLINES = new Set<HeadlineKey>(['action', 'actionIn', 'scheduled']);
const AGENCY_CHANCE = 0.25;
const WORDS_PER_MINUTE = 200;
const MINUTE = 60_000;

// Relative publication activity by local hour: a weekday peak 09:00-19:00, a flatter weekend.
const WEEKDAY_HOURS = [
  1, 0.6, 0.4, 0.3, 0.3, 0.5, 1, 2.5, 4.5, 8, 10, 10, 9.5, 9, 9.5, 9.5, 9, 8.5, 7.5, 6, 4, 3, 2, 1.5,
];
const WEEKEND_HOURS = [
  0.8, 0.5, 0.3, 0.2, 0.2, 0.3, 0.6, 1, 2, 3.5, 5, 6, 6, 6, 5.5, 5.5, 5, 4.5, 4, 3.5, 3, 2.5, 1.5, 1,
];

/** How often each sentence is picked; `guestQuote` and `followUp` are placed by rule instead. */
const SENTENCE_WEIGHTS: Record<Exclude<SentenceKey, 'followUp' | 'guestQuote'>, number> = {
  attribution: 1,
  quote: 4,
  figure: 2,
  agenda: 2,
  outlook: 1.5,
  affected: 1.5,
  noComment: 1,
  earlier: 1.5,
  nextRound: 1,
  precedent: 1.5,
  called: 1.5,
  document: 1,
  reaction: 1.5,
  cost: 1.5,
  background: 1,
  sources: 1.5,
  consulted: 1,
  context: 1,
  critics: 1,
  supporters: 1,
  residents: 1,
  deadline: 1,
  poll: 1,
  partners: 1,
  yearAgo: 1,
  workingGroup: 1,
  hearings: 1,
  priority: 1,
};
/** Each quote has its own speaker and words; any other sentence appears at most once an article. */
const REPEATABLE = new Set<SentenceKey>(['quote', 'guestQuote']);
const FIGURES: Partial<Record<SentenceKey | 'survey', [number, number]>> = {
  survey: [18, 82],
  poll: [18, 82],
  figure: [2, 40],
  affected: [2, 300],
  cost: [5, 900],
};
const CAPTIONS = new WeightedPicker<CaptionKey>(['view', 'illustrative', 'archive'], [2, 1, 1]);
const WEEKDAY_HOUR_PICKER = new WeightedPicker(
  WEEKDAY_HOURS.map((_, hour) => hour),
  WEEKDAY_HOURS,
);
const WEEKEND_HOUR_PICKER = new WeightedPicker(
  WEEKEND_HOURS.map((_, hour) => hour),
  WEEKEND_HOURS,
);
const SENTENCE_KEYS = Object.keys(SENTENCE_WEIGHTS) as Exclude<SentenceKey, 'followUp' | 'guestQuote'>[];
const SENTENCE_PICKER = new WeightedPicker(
  SENTENCE_KEYS,
  SENTENCE_KEYS.map((key) => SENTENCE_WEIGHTS[key]),
);

interface Sentence<K> {
  key: K;
  clause: Clause;
}

/** Everything about a story that does not depend on the edition; each edition renders it. */
interface StoryPlan {
  storyId: string;
  editions: string[];
  sectionId: number;
  authorIds: number[];
  tagIds: number[];
  agency: string | null;
  cover: { url: string; caption: Sentence<CaptionKey> } | null;
  headline: Sentence<HeadlineKey>;
  lead: Sentence<LeadKey>;
  paragraphs: Sentence<SentenceKey>[][];
  /** When the first edition went out (translations follow). */
  releasedAt: number;
  /** Gap between an edition and the next, in ms. */
  translationDelay: number;
}

interface SectionTools {
  style: SectionStyle;
  id: number;
  headlines: WeightedPicker<HeadlineKey>;
  leads: WeightedPicker<LeadKey>;
  authors: WeightedPicker<number>;
  tags: WeightedPicker<number>;
}

/** What every article needs, computed once per generator. */
interface Setup {
  seed: number;
  editions: Map<string, string>;
  codes: string[];
  endMs: number;
  /** The newsroom's calendar date at endAt, and how many days back two years reach. */
  endDate: { year: number; month: number; day: number };
  spanDays: number;
  clock: (wall: WallTime) => Date;
  catalog: Catalog;
  sections: WeightedPicker<SectionTools>;
  editionPicker: WeightedPicker<string>;
  placeTags: Map<PlaceKey, number>;
  generalTags: number[];
  maxStorySize: number;
}

const SALT_LINK = 1;
const SALT_STORY = 2;
const SALT_ARTICLE = 3;

export function createArticleGenerator(options: GeneratorOptions): ArticleGenerator {
  const setup = prepare(options);
  // Translations follow their original, so sequential generation reuses each plan.
  let cached: { start: number; plan: StoryPlan } | undefined;
  return {
    catalog: setup.catalog,
    storyStart: (id) => storyStart(setup, id),
    article(id) {
      if (!Number.isSafeInteger(id) || id < 1) throw new RangeError(`article id must be a positive integer, got ${id}`);
      const start = storyStart(setup, id);
      if (cached?.start !== start) cached = { start, plan: planStory(setup, start) };
      return renderArticle(setup, cached.plan, id, id - start);
    },
  };
}

function prepare(options: GeneratorOptions): Setup {
  const codes = [...options.editions.keys()];
  if (codes.length === 0) throw new Error('at least one edition is required');
  const endMs = options.endAt.getTime();
  if (!Number.isFinite(endMs)) throw new Error('endAt is not a valid date');
  const endDate = wallTimeOf(endMs, options.timeZone);
  const catalog = buildCatalog(options.seed, codes);
  const sectionTools = catalog.sections.map((section): SectionTools => {
    const style = SECTION_STYLES.find((candidate) => candidate.slug === section.slug) as SectionStyle;
    const headlineKeys = Object.keys(style.headlines) as HeadlineKey[];
    const leadKeys = Object.keys(style.leads) as LeadKey[];
    const ownTags = catalog.tags.filter((tag) => tag.section === section.slug);
    return {
      style,
      id: section.id,
      headlines: new WeightedPicker(
        headlineKeys,
        headlineKeys.map((key) => style.headlines[key] ?? 0),
      ),
      leads: new WeightedPicker(
        leadKeys,
        leadKeys.map((key) => style.leads[key] ?? 0),
      ),
      // Authors write mostly on their beats; the prolific ones write most.
      authors: new WeightedPicker(
        catalog.authors.map((author) => author.id),
        catalog.authors.map((author) => {
          const beat = author.beats.indexOf(section.slug);
          return author.productivity * (beat === 0 ? 1 : beat === 1 ? 0.4 : 0.02);
        }),
      ),
      tags: new WeightedPicker(
        ownTags.map((tag) => tag.id),
        zipfWeights(ownTags.length, 0.8),
      ),
    };
  });
  return {
    seed: options.seed,
    editions: options.editions,
    codes,
    endMs,
    endDate,
    spanDays: Math.round(
      (Date.UTC(endDate.year, endDate.month - 1, endDate.day) -
        Date.UTC(endDate.year - 2, endDate.month - 1, endDate.day)) /
        86_400_000,
    ),
    clock: zonedClock(options.timeZone),
    catalog,
    sections: new WeightedPicker(
      sectionTools,
      sectionTools.map((tools) => tools.style.weight),
    ),
    // Earlier editions in the configuration publish more.
    editionPicker: new WeightedPicker(
      codes,
      codes.map((_, rank) => 1 / (rank + 1) ** 0.6),
    ),
    placeTags: new Map(catalog.tags.filter((tag) => tag.place).map((tag) => [tag.place as PlaceKey, tag.id])),
    generalTags: catalog.tags.filter((tag) => !tag.section && !tag.place).map((tag) => tag.id),
    maxStorySize: Math.min(MAX_EDITIONS_PER_STORY, codes.length),
  };
}

/**
 * Each article after the first continues the previous story with a fixed
 * chance; runs of such articles split into stories of at most
 * `maxStorySize`. Only a few ids back are looked at, so this is O(1) per id
 * and does not depend on how many articles are generated.
 */
function storyStart(setup: Setup, id: number): number {
  if (setup.maxStorySize === 1) return id;
  const linked = (k: number) => k > 1 && unitFor(setup.seed, k, SALT_LINK) < TRANSLATION_CHANCE;
  let runStart = id;
  while (linked(runStart)) runStart--;
  return runStart + Math.floor((id - runStart) / setup.maxStorySize) * setup.maxStorySize;
}

function placeFor(random: Random, group: SectionStyle['places']): PlaceKey {
  if (group === 'domestic') return PLACE_KEYS[intBetween(random, 0, DOMESTIC_PLACES - 1)] as PlaceKey;
  if (group === 'foreign') return PLACE_KEYS[intBetween(random, DOMESTIC_PLACES, PLACE_KEYS.length - 1)] as PlaceKey;
  // Home news dominates even in sections without a fixed geography.
  return chance(random, 0.6) ? placeFor(random, 'domestic') : placeFor(random, 'foreign');
}

/** A day in the two years before endAt (weekends less likely) at a working-hours time. */
function releaseTime(setup: Setup, random: Random): { at: number; weekday: number } {
  const { endDate, spanDays } = setup;
  let date = addDays(endDate, -intBetween(random, 1, spanDays));
  while (isoWeekday(date) >= 5 && !chance(random, WEEKEND_DAY_ACCEPTANCE)) {
    date = addDays(endDate, -intBetween(random, 1, spanDays));
  }
  const weekday = isoWeekday(date);
  const hours = weekday >= 5 ? WEEKEND_HOUR_PICKER : WEEKDAY_HOUR_PICKER;
  const at = setup.clock({
    ...date,
    hour: hours.pick(random),
    minute: intBetween(random, 0, 59),
    second: intBetween(random, 0, 59),
  });
  return { at: at.getTime(), weekday };
}

function planStory(setup: Setup, start: number): StoryPlan {
  const random = randomFor(setup.seed, start, SALT_STORY);
  const storyId = uuidFrom(random);
  const first = setup.editionPicker.pick(random);
  const editions = [
    first,
    ...shuffled(
      random,
      setup.codes.filter((code) => code !== first),
    ),
  ];
  const tools = setup.sections.pick(random);
  const { style } = tools;
  const sizes = ENGLISH.sizes;
  const release = releaseTime(setup, random);

  // People and quotes are dealt without repeats, so a long article does not quote the same line twice.
  const people = shuffled(random, indices(sizes.people));
  const quotes = shuffled(random, indices(sizes.quotes));
  const base: Clause = {
    section: style.slug,
    subject: intBetween(random, 0, sizes.subjects[style.slug] - 1),
    topic: intBetween(random, 0, sizes.topics[style.slug] - 1),
    verb: pick(random, style.verbs),
    place: placeFor(random, style.places),
    otherPlace: placeFor(random, 'any'),
    person: people[0] ?? 0,
    quote: quotes[0] ?? 0,
    outlet: intBetween(random, 0, OUTLETS.length - 1),
    // The event happened on the day of publication or the day before.
    weekday: chance(random, 0.6) ? release.weekday : (release.weekday + 6) % 7,
    nextWeekday: (release.weekday + intBetween(random, 1, 4)) % 7,
    figure: intBetween(random, 3, 60),
  };
  let dealt = 0;
  const variant = (key: SentenceKey): Clause => {
    const [low, high] = FIGURES[key] ?? [3, 60];
    dealt++; // 0 went to the headline
    // An interview has one guest; other stories sometimes bring in other actors and topics.
    const subject =
      style.slug === 'interview' || chance(random, 0.8)
        ? base.subject
        : intBetween(random, 0, sizes.subjects[style.slug] - 1);
    const topic = chance(random, 0.9) ? base.topic : intBetween(random, 0, sizes.topics[style.slug] - 1);
    const verb = pick(random, style.verbs);
    return {
      ...base,
      subject,
      topic,
      // The same actor does not both approve and reject the same thing.
      verb: subject === base.subject && topic === base.topic ? base.verb : verb,
      place: chance(random, 0.6) ? base.place : placeFor(random, style.places),
      otherPlace: placeFor(random, 'any'),
      person: people[dealt % people.length] ?? 0,
      quote: quotes[dealt % quotes.length] ?? 0,
      outlet: intBetween(random, 0, OUTLETS.length - 1),
      figure: intBetween(random, low, high),
    };
  };

  const headlineKey = tools.headlines.pick(random);
  const [surveyLow, surveyHigh] = FIGURES.survey ?? [18, 82];
  const headlineClause =
    headlineKey === 'survey' ? { ...base, figure: intBetween(random, surveyLow, surveyHigh) } : base;
  const lead = { key: tools.leads.pick(random), clause: base };
  const paragraphs = planBody(random, style, lead.key, (key, opening) =>
    // The opening sentence is about exactly what the headline says.
    opening ? { ...variant(key), subject: base.subject, topic: base.topic, verb: base.verb } : variant(key),
  );

  const authorIds = [tools.authors.pick(random)];
  if (chance(random, 0.2)) {
    const second = tools.authors.pick(random);
    if (!authorIds.includes(second)) authorIds.push(second);
  }

  const tagIds: number[] = [];
  const tagCount = intBetween(random, 2, 5);
  const placeTag = setup.placeTags.get(base.place);
  if (placeTag !== undefined && chance(random, 0.5)) tagIds.push(placeTag);
  if (setup.generalTags.length > 0 && chance(random, 0.08)) tagIds.push(pick(random, setup.generalTags));
  for (let attempt = 0; tagIds.length < tagCount && attempt < 20; attempt++) {
    const tag = tools.tags.pick(random);
    if (!tagIds.includes(tag)) tagIds.push(tag);
  }

  const hasCover = chance(random, 0.95);
  const coverNumber = intBetween(random, 1, COVER_COUNT);
  const captionKey = CAPTIONS.pick(random);
  return {
    storyId,
    editions,
    sectionId: tools.id,
    authorIds,
    tagIds,
    agency: AGENCY_HEADLINES.has(headlineKey) && chance(random, AGENCY_CHANCE) ? pick(random, AGENCIES) : null,
    cover: hasCover
      ? { url: `https://cdn.byline.example/covers/${coverNumber}.jpg`, caption: { key: captionKey, clause: base } }
      : null,
    headline: { key: headlineKey, clause: headlineClause },
    lead,
    paragraphs,
    releasedAt: release.at,
    translationDelay: intBetween(random, 20, 240) * MINUTE,
  };
}

/** 3-7 paragraphs of 2-5 sentences; `clauseFor` fills each chosen sentence. */
function planBody(
  random: Random,
  style: SectionStyle,
  lead: LeadKey,
  clauseFor: (key: SentenceKey, opening: boolean) => Clause,
): Sentence<SentenceKey>[][] {
  const used = new Set<SentenceKey>();
  const paragraphs: Sentence<SentenceKey>[][] = [];
  const paragraphCount = intBetween(random, 3, 7);
  let previous: SentenceKey | undefined;
  for (let p = 0; p < paragraphCount; p++) {
    const paragraph: Sentence<SentenceKey>[] = [];
    const count = intBetween(random, 2, 5);
    for (let s = 0; s < count; s++) {
      const opening = p === 0 && s === 0;
      let key: SentenceKey;
      if (opening) key = openingSentence(random, lead);
      else if (p === paragraphCount - 1 && s === count - 1 && chance(random, 0.25)) key = 'followUp';
      else key = nextSentence(random, used, previous, style);
      used.add(key);
      previous = key;
      paragraph.push({ key, clause: clauseFor(key, opening) });
    }
    paragraphs.push(paragraph);
  }
  return paragraphs;
}

/** The first sentence adds to the lead rather than repeating it. */
function openingSentence(random: Random, lead: LeadKey): SentenceKey {
  if (lead === 'meeting') return 'attribution';
  if (lead === 'interview') return 'guestQuote';
  return pick(random, ['consulted', 'background', 'priority', 'context'] as const);
}

function nextSentence(random: Random, used: Set<SentenceKey>, previous: SentenceKey | undefined, style: SectionStyle) {
  const fresh = (key: SentenceKey) =>
    key !== previous && (!used.has(key) || REPEATABLE.has(key)) && !style.skipSentences?.includes(key);
  // Interviews are mostly what the guest said.
  if (style.slug === 'interview' && previous !== 'guestQuote' && chance(random, 0.4)) return 'guestQuote';
  for (let attempt = 0; attempt < 32; attempt++) {
    const key = SENTENCE_PICKER.pick(random);
    if (fresh(key)) return key;
  }
  // Long articles can run out of unused sentences: take any left, else another quote.
  return SENTENCE_KEYS.find(fresh) ?? 'quote';
}

/** The story in the edition of its `member`-th article, with that article's own status and times. */
function renderArticle(setup: Setup, plan: StoryPlan, id: number, member: number): ArticleRow {
  const edition = plan.editions[member] ?? (plan.editions[0] as string);
  const language = languageFor(edition);
  const random = randomFor(setup.seed, id, SALT_ARTICLE);

  const headline = language.headline(plan.headline.key, plan.headline.clause);
  const lead = language.lead(plan.lead.key, plan.lead.clause);
  const body = plan.paragraphs.map((paragraph) =>
    paragraph.map((sentence) => language.sentence(sentence.key, sentence.clause)).join(' '),
  );
  const title = plan.agency ? `${plan.agency}: ${headline}` : headline;
  const words = countWords(title) + countWords(lead) + body.reduce((sum, text) => sum + countWords(text), 0);

  const roll = random();
  const status: ArticleStatus = roll < 0.01 ? 'draft' : roll < 0.03 ? 'archived' : 'published';
  // Translations go out a while after the original; nothing happens after endAt.
  const latest = setup.endMs - MINUTE;
  const planned = Math.min(plan.releasedAt + member * plan.translationDelay, latest);
  const createdAt = planned - intBetween(random, 5, 240) * MINUTE;
  const editedLater = chance(random, 0.4);
  const editMinutes = status === 'archived' ? intBetween(random, 1, 60) * 1440 : intBetween(random, 1, 180);
  const updatedAt = Math.min(planned + (editedLater ? editMinutes * MINUTE : 0), latest);

  return {
    id,
    storyId: plan.storyId,
    edition,
    slug: `${slugify(headline) || 'article'}-${id.toString(36)}`,
    status,
    title,
    source: plan.agency,
    lead,
    body,
    sectionId: plan.sectionId,
    coverUrl: plan.cover?.url ?? null,
    coverCaption: plan.cover ? language.caption(plan.cover.caption.key, plan.cover.caption.clause) : null,
    readingMinutes: Math.max(1, Math.round(words / WORDS_PER_MINUTE)),
    publishedAt: status === 'draft' ? null : new Date(planned),
    createdAt: new Date(createdAt),
    updatedAt: new Date(updatedAt),
    searchConfig: setup.editions.get(edition) as string,
    authorIds: plan.authorIds,
    tagIds: plan.tagIds,
  };
}

const indices = (count: number) => Array.from({ length: count }, (_, i) => i);

function countWords(text: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const space = code === 32 || code === 10 || code === 9 || code === 13;
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return words;
}
