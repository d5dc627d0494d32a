import { az } from './az.js';
import { en } from './en.js';
import {
  type CaptionKey,
  type HeadlineKey,
  type LeadKey,
  type PlaceKey,
  SECTION_SLUGS,
  type SectionSlug,
  type SentenceKey,
  type VerbKey,
} from './keys.js';
import type { LanguageSpec, Lexicon, Words } from './language-spec.js';
import { ru } from './ru.js';

/** Invented outlets and agencies, spelled alike in every edition (no real outlet is quoted). */
export const OUTLETS = [
  'Caspian Herald',
  'Eurasia Monitor',
  'The Meridian Post',
  'Global Ledger',
  'Silk Road Review',
  'Danube Daily',
  'North Star Times',
  'Harbour Gazette',
] as const;
export const AGENCIES = [
  'Caspian Wire',
  'Meridian Press',
  'Eastgate News',
  'Northwind Agency',
  'Bosphorus Press',
] as const;

/**
 * The language-independent choices for one sentence. Every edition renders
 * the same clause, so translated articles are real parallel texts. Indices
 * into per-section lists are taken modulo the list's length.
 */
export interface Clause {
  section: SectionSlug;
  subject: number;
  topic: number;
  verb: VerbKey;
  place: PlaceKey;
  otherPlace: PlaceKey;
  person: number;
  quote: number;
  outlet: number;
  /** 0 = Monday; the day the event happened. */
  weekday: number;
  /** A later weekday, for what is planned. */
  nextWeekday: number;
  figure: number;
}

/** A language with its word shapes hidden: everything is addressed by clause. */
export interface Language {
  sectionNames: Record<SectionSlug, string>;
  sizes: {
    subjects: Record<SectionSlug, number>;
    topics: Record<SectionSlug, number>;
    people: number;
    quotes: number;
    weekdays: number;
  };
  headline(key: HeadlineKey, clause: Clause): string;
  lead(key: LeadKey, clause: Clause): string;
  sentence(key: SentenceKey, clause: Clause): string;
  caption(key: CaptionKey, clause: Clause): string;
}

function at<T>(items: readonly T[], index: number): T {
  const item = items[((index % items.length) + items.length) % items.length];
  if (item === undefined) throw new Error('empty phrase list');
  return item;
}

function defineLanguage<L extends Lexicon>(spec: LanguageSpec<L>): Language {
  const words = (clause: Clause): Words<L> => ({
    subject: at(spec.subjects[clause.section], clause.subject),
    topic: at(spec.topics[clause.section], clause.topic),
    verb: spec.verbs[clause.verb],
    place: spec.places[clause.place],
    otherPlace: spec.places[clause.otherPlace],
    person: at(spec.people, clause.person),
    quote: at(spec.quotes, clause.quote),
    outlet: at(OUTLETS, clause.outlet),
    weekday: at(spec.weekdays, clause.weekday),
    nextWeekday: at(spec.weekdays, clause.nextWeekday),
    figure: clause.figure,
  });
  const counts = (lists: Record<SectionSlug, unknown[]>) =>
    Object.fromEntries(SECTION_SLUGS.map((slug) => [slug, lists[slug].length])) as Record<SectionSlug, number>;
  return {
    sectionNames: spec.sectionNames,
    sizes: {
      subjects: counts(spec.subjects),
      topics: counts(spec.topics),
      people: spec.people.length,
      quotes: spec.quotes.length,
      weekdays: spec.weekdays.length,
    },
    headline: (key, clause) => spec.headlines[key](words(clause)),
    lead: (key, clause) => spec.leads[key](words(clause)),
    sentence: (key, clause) => spec.sentences[key](words(clause)),
    caption: (key, clause) => spec.captions[key](words(clause)),
  };
}

const LANGUAGES = new Map<string, Language>([
  ['en', defineLanguage(en)],
  ['ru', defineLanguage(ru)],
  ['az', defineLanguage(az)],
]);

export const ENGLISH = LANGUAGES.get('en') as Language;

/** The vocabulary of an edition; editions without their own (added by config) write English. */
export function languageFor(edition: string): Language {
  return LANGUAGES.get(edition) ?? ENGLISH;
}

const TRANSLITERATION: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
  ə: 'e',
  ı: 'i',
  ş: 'sh',
  ç: 'ch',
  ğ: 'gh',
  ö: 'o',
  ü: 'u',
};

/**
 * Lower-case ASCII kebab-case for URLs: Cyrillic and Azerbaijani letters are
 * transliterated, other accents dropped, at most `maxLength` characters cut at
 * a word boundary. May return '' when nothing is left.
 */
export function slugify(text: string, maxLength = 60): string {
  let ascii = '';
  for (const char of text.toLocaleLowerCase('az')) ascii += TRANSLITERATION[char] ?? char;
  const words = ascii
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > maxLength) break;
    slug = next;
  }
  return slug || (words[0]?.slice(0, maxLength) ?? '');
}
