import { chance, mix, mulberry32, pick, shuffled, WeightedPicker, zipfWeights } from '@byline/random';
import { en } from './vocabulary/en.js';
import { ENGLISH, languageFor, slugify } from './vocabulary/index.js';
import {
  type HeadlineKey,
  type LeadKey,
  PLACE_KEYS,
  type PlaceKey,
  type SectionSlug,
  type SentenceKey,
  type VerbKey,
} from './vocabulary/keys.js';

/** How a section writes: its share of the output and the phrasing its stories use. */
export interface SectionStyle {
  slug: SectionSlug;
  /** Relative share of all articles (a few big sections, a long tail). */
  weight: number;
  verbs: VerbKey[];
  places: 'domestic' | 'foreign' | 'any';
  headlines: Partial<Record<HeadlineKey, number>>;
  leads: Partial<Record<LeadKey, number>>;
  /** Sentences that do not fit the section's genre. */
  skipSentences?: SentenceKey[];
}

export const SECTION_STYLES: SectionStyle[] = [
  {
    slug: 'world',
    weight: 20,
    verbs: ['announce', 'discuss', 'criticise', 'support', 'reject', 'welcome', 'approve', 'postpone'],
    places: 'foreign',
    headlines: { action: 5, actionIn: 4, scheduled: 1, explainer: 1 },
    leads: { reported: 3, meeting: 2 },
  },
  {
    slug: 'politics',
    weight: 16,
    verbs: ['approve', 'discuss', 'criticise', 'support', 'postpone', 'reject', 'announce', 'review'],
    places: 'domestic',
    headlines: { action: 5, actionIn: 2, scheduled: 2, explainer: 1, survey: 1 },
    leads: { reported: 3, meeting: 2 },
  },
  {
    slug: 'economy',
    weight: 14,
    verbs: ['announce', 'review', 'approve', 'publish', 'discuss', 'present', 'postpone'],
    places: 'any',
    headlines: { action: 5, actionIn: 2, scheduled: 1, explainer: 1, survey: 1 },
    leads: { reported: 3, meeting: 1 },
  },
  {
    slug: 'society',
    weight: 11,
    verbs: ['launch', 'announce', 'approve', 'discuss', 'review', 'present', 'criticise', 'support'],
    places: 'domestic',
    headlines: { action: 5, actionIn: 3, scheduled: 1, explainer: 1, survey: 1 },
    leads: { reported: 3, meeting: 1 },
  },
  {
    slug: 'sport',
    weight: 10,
    verbs: ['announce', 'present', 'approve', 'postpone', 'review', 'criticise', 'welcome'],
    places: 'any',
    headlines: { action: 5, actionIn: 3, scheduled: 1, explainer: 1 },
    leads: { reported: 3, meeting: 1 },
  },
  {
    slug: 'analytics',
    weight: 5,
    verbs: ['review', 'publish', 'discuss', 'present', 'criticise'],
    places: 'any',
    headlines: { explainer: 3, action: 2, survey: 2, quote: 1 },
    leads: { reported: 2, meeting: 1 },
  },
  {
    slug: 'interview',
    weight: 3,
    verbs: ['discuss', 'present', 'support', 'criticise', 'welcome'],
    places: 'domestic',
    headlines: { guestQuote: 3, interview: 3 },
    leads: { interview: 1 },
    skipSentences: ['attribution', 'consulted', 'priority', 'background', 'noComment', 'residents'],
  },
  {
    slug: 'region',
    weight: 8,
    verbs: ['launch', 'announce', 'approve', 'discuss', 'present', 'support', 'postpone'],
    places: 'domestic',
    headlines: { action: 4, actionIn: 5, scheduled: 1 },
    leads: { reported: 2, meeting: 2 },
  },
  {
    slug: 'culture',
    weight: 6,
    verbs: ['present', 'announce', 'launch', 'welcome', 'publish', 'postpone'],
    places: 'any',
    headlines: { action: 4, actionIn: 4, explainer: 1 },
    leads: { reported: 2, meeting: 1 },
  },
  {
    slug: 'science',
    weight: 3,
    verbs: ['publish', 'present', 'launch', 'announce', 'discuss', 'review'],
    places: 'any',
    headlines: { action: 5, actionIn: 2, explainer: 2 },
    leads: { reported: 3, meeting: 1 },
  },
  {
    slug: 'tech',
    weight: 4,
    verbs: ['launch', 'present', 'announce', 'approve', 'discuss', 'review', 'publish'],
    places: 'any',
    headlines: { action: 5, actionIn: 2, explainer: 2, survey: 1 },
    leads: { reported: 3, meeting: 1 },
  },
];

/** Tag names by the section whose stories mostly carry them. */
const SECTION_TAGS: Record<SectionSlug, string[]> = {
  world: [
    'Diplomacy',
    'Sanctions',
    'United Nations',
    'European Union',
    'Ceasefire',
    'Refugees',
    'Climate talks',
    'Summits',
    'Foreign policy',
    'Security',
  ],
  politics: [
    'Parliament',
    'Elections',
    'Government',
    'Opposition',
    'Legislation',
    'Constitution',
    'Anti-corruption',
    'Civil service',
    'Local government',
    'Political parties',
  ],
  economy: [
    'Central bank',
    'Inflation',
    'Oil',
    'Gas',
    'Budget',
    'Taxes',
    'Banking',
    'Exports',
    'Investment',
    'GDP',
    'Currency',
    'Small business',
  ],
  society: [
    'Healthcare',
    'Education',
    'Pensions',
    'Housing',
    'Public transport',
    'Labour',
    'Social policy',
    'Vaccination',
    'Youth',
    'Road safety',
  ],
  sport: [
    'Football',
    'Wrestling',
    'Olympics',
    'National team',
    'Champions League',
    'Chess',
    'Judo',
    'Boxing',
    'Athletics',
    'Transfers',
  ],
  analytics: [
    'Forecasts',
    'Energy security',
    'Middle Corridor',
    'Credit ratings',
    'Labour market',
    'Green energy',
    'Global economy',
    'Commodities',
  ],
  interview: ['Interview', 'Opinion', 'Profile', 'Leadership', 'Q&A'],
  region: [
    'Agriculture',
    'Irrigation',
    'Infrastructure',
    'Tourism',
    'Rural development',
    'Water supply',
    'Roads',
    'Local news',
  ],
  culture: ['Theatre', 'Museums', 'Music', 'Mugham', 'Cinema', 'Literature', 'Carpets', 'Heritage', 'Festivals', 'Art'],
  science: ['Research', 'Space', 'Climate', 'Geology', 'Medicine', 'Caspian Sea', 'Universities', 'Science grants'],
  tech: [
    '5G',
    'E-government',
    'Cybersecurity',
    'Artificial intelligence',
    'Fintech',
    'Start-ups',
    'Data protection',
    'Telecoms',
    'Digital payments',
  ],
};
const GENERAL_TAGS = ['Breaking news', 'Exclusive', 'Explainer', 'Photo report', 'Video', 'Fact check'];

interface SectionRow {
  id: number;
  slug: SectionSlug;
  /** Edition code → display name. */
  names: Record<string, string>;
  position: number;
}
interface AuthorRow {
  id: number;
  slug: string;
  name: string;
  bio: string;
  /** Main beat first. */
  beats: SectionSlug[];
  /** Relative output: a few prolific authors, a long tail. */
  productivity: number;
}
interface TagRow {
  id: number;
  slug: string;
  name: string;
  section?: SectionSlug;
  place?: PlaceKey;
}
export interface Catalog {
  sections: SectionRow[];
  authors: AuthorRow[];
  tags: TagRow[];
}

const AUTHOR_COUNT = 44;

export function buildCatalog(seed: number, editions: readonly string[]): Catalog {
  const sections = SECTION_STYLES.map(
    (style, index): SectionRow => ({
      id: index + 1,
      slug: style.slug,
      names: Object.fromEntries(editions.map((edition) => [edition, languageFor(edition).sectionNames[style.slug]])),
      position: index,
    }),
  );
  return { sections, authors: buildAuthors(seed), tags: buildTags() };
}

function buildTags(): TagRow[] {
  const tags: Omit<TagRow, 'id'>[] = [];
  for (const style of SECTION_STYLES) {
    for (const name of SECTION_TAGS[style.slug]) tags.push({ slug: slugify(name), name, section: style.slug });
  }
  for (const place of PLACE_KEYS) {
    const name = en.places[place];
    tags.push({ slug: slugify(name), name, place });
  }
  for (const name of GENERAL_TAGS) tags.push({ slug: slugify(name), name });
  return tags.map((tag, index) => ({ id: index + 1, ...tag }));
}

interface NamePool {
  share: number;
  men: string[];
  women: string[];
  surnames: string[];
  feminine: (surname: string) => string;
}

/** Bylines of a Baku newsroom: mostly Azerbaijani names, then Russian and English ones, in Latin script. */
const NAME_POOLS: NamePool[] = [
  {
    share: 0.55,
    men: ['Elvin', 'Rəşad', 'Tural', 'Orxan', 'Kamran', 'Fərid', 'Samir', 'Nicat', 'Ramil', 'Elçin', 'Vüsal', 'Anar'],
    women: ['Leyla', 'Aynur', 'Günel', 'Nərmin', 'Səbinə', 'Könül', 'Aysel', 'Lalə', 'Nigar', 'Ülviyyə', 'Aytən'],
    surnames: [
      'Məmmədov',
      'Əliyev',
      'Həsənov',
      'Hüseynov',
      'Quliyev',
      'Abbasov',
      'İsmayılov',
      'Cəfərov',
      'Rzayev',
      'Babayev',
      'Nəsirov',
      'Kərimov',
      'Səfərov',
      'Orucov',
      'Vəliyev',
    ],
    feminine: (surname) => `${surname}a`,
  },
  {
    share: 0.3,
    men: ['Aleksey', 'Dmitry', 'Sergey', 'Pavel', 'Andrey', 'Mikhail'],
    women: ['Anna', 'Yelena', 'Olga', 'Marina', 'Natalya', 'Irina', 'Yekaterina'],
    surnames: ['Sokolov', 'Volkov', 'Lebedev', 'Kozlov', 'Novikov', 'Morozov', 'Orlov', 'Belov', 'Zaitsev'],
    feminine: (surname) => `${surname}a`,
  },
  {
    share: 0.15,
    men: ['James', 'Thomas', 'Daniel', 'Oliver', 'Peter'],
    women: ['Emma', 'Sarah', 'Laura', 'Kate', 'Rachel'],
    surnames: ['Carter', 'Mitchell', 'Hughes', 'Bennett', 'Walsh', 'Parker', 'Reid', 'Foster'],
    feminine: (surname) => surname,
  },
];

function buildAuthors(seed: number): AuthorRow[] {
  const random = mulberry32(mix(seed, 0x417468));
  const pools = new WeightedPicker(
    NAME_POOLS,
    NAME_POOLS.map((pool) => pool.share),
  );
  const beats = new WeightedPicker(
    SECTION_STYLES.map((style) => style.slug),
    SECTION_STYLES.map((style) => style.weight),
  );
  const productivity = zipfWeights(AUTHOR_COUNT, 0.9);
  const authors: AuthorRow[] = [];
  const slugs = new Set<string>();
  while (authors.length < AUTHOR_COUNT) {
    const pool = pools.pick(random);
    const woman = chance(random, 0.5);
    const surname = pick(random, pool.surnames);
    const first = pick(random, woman ? pool.women : pool.men);
    const name = `${first} ${woman ? pool.feminine(surname) : surname}`;
    const slug = slugify(name);
    if (slugs.has(slug)) continue;
    slugs.add(slug);
    const main = beats.pick(random);
    const second = shuffled(
      random,
      SECTION_STYLES.map((style) => style.slug).filter((slug) => slug !== main),
    )[0];
    const authorBeats = second && chance(random, 0.7) ? [main, second] : [main];
    const covers = authorBeats.map((beat) => ENGLISH.sectionNames[beat].toLowerCase()).join(' and ');
    const since = 2008 + Math.floor(random() * 16);
    authors.push({
      id: authors.length + 1,
      slug,
      name,
      bio: `${first} covers ${covers} for Byline and has been with the newsroom since ${since}.`,
      beats: authorBeats,
      productivity: productivity[authors.length] ?? 1,
    });
  }
  return authors;
}
