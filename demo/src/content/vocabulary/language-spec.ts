import type { CaptionKey, HeadlineKey, LeadKey, PlaceKey, SectionSlug, SentenceKey, VerbKey } from './keys.js';

/** The word forms a language needs; each language file fills in its own shapes. */
export interface Lexicon {
  subject: unknown;
  topic: unknown;
  verb: unknown;
  place: unknown;
  person: unknown;
  weekday: unknown;
}

/** The words one clause resolves to in one language. */
export interface Words<L extends Lexicon> {
  subject: L['subject'];
  topic: L['topic'];
  verb: L['verb'];
  place: L['place'];
  otherPlace: L['place'];
  person: L['person'];
  quote: string;
  outlet: string;
  weekday: L['weekday'];
  nextWeekday: L['weekday'];
  figure: number;
}

type Template<L extends Lexicon> = (words: Words<L>) => string;

/**
 * One language's phrase lists and sentence templates. Lists under `subjects`,
 * `topics`, `people` and `quotes` are parallel: item i means the same in every
 * language (a test checks the lengths).
 */
export interface LanguageSpec<L extends Lexicon> {
  sectionNames: Record<SectionSlug, string>;
  subjects: Record<SectionSlug, L['subject'][]>;
  topics: Record<SectionSlug, L['topic'][]>;
  verbs: Record<VerbKey, L['verb']>;
  places: Record<PlaceKey, L['place']>;
  people: L['person'][];
  quotes: string[];
  /** Monday first. */
  weekdays: L['weekday'][];
  headlines: Record<HeadlineKey, Template<L>>;
  leads: Record<LeadKey, Template<L>>;
  sentences: Record<SentenceKey, Template<L>>;
  captions: Record<CaptionKey, Template<L>>;
}
