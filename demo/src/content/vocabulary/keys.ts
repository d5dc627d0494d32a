/** The keys every language fills in: sections, verbs, places and template names. */
export const SECTION_SLUGS = [
  'world',
  'politics',
  'economy',
  'society',
  'sport',
  'analytics',
  'interview',
  'region',
  'culture',
  'science',
  'tech',
] as const;
export type SectionSlug = (typeof SECTION_SLUGS)[number];

const VERB_KEYS = [
  'announce',
  'approve',
  'discuss',
  'present',
  'criticise',
  'support',
  'postpone',
  'review',
  'launch',
  'reject',
  'publish',
  'welcome',
] as const;
export type VerbKey = (typeof VERB_KEYS)[number];

/** Places in Azerbaijan come first; `DOMESTIC_PLACES` of them. */
export const PLACE_KEYS = [
  'baku',
  'ganja',
  'sumgait',
  'lankaran',
  'shaki',
  'nakhchivan',
  'shusha',
  'quba',
  'mingachevir',
  'tbilisi',
  'ankara',
  'istanbul',
  'moscow',
  'brussels',
  'berlin',
  'paris',
  'london',
  'washington',
  'geneva',
  'vienna',
  'beijing',
  'tokyo',
  'astana',
  'tashkent',
  'dubai',
  'newYork',
] as const;
export type PlaceKey = (typeof PLACE_KEYS)[number];
export const DOMESTIC_PLACES = 9;

const HEADLINE_KEYS = [
  'action',
  'actionIn',
  'explainer',
  'scheduled',
  'survey',
  'quote',
  'guestQuote',
  'interview',
] as const;
export type HeadlineKey = (typeof HEADLINE_KEYS)[number];

const LEAD_KEYS = ['reported', 'meeting', 'interview'] as const;
export type LeadKey = (typeof LEAD_KEYS)[number];

const SENTENCE_KEYS = [
  'attribution',
  'quote',
  'figure',
  'agenda',
  'outlook',
  'affected',
  'noComment',
  'earlier',
  'nextRound',
  'precedent',
  'called',
  'document',
  'reaction',
  'cost',
  'background',
  'sources',
  'consulted',
  'context',
  'critics',
  'supporters',
  'residents',
  'deadline',
  'poll',
  'partners',
  'yearAgo',
  'workingGroup',
  'hearings',
  'priority',
  'guestQuote',
  'followUp',
] as const;
export type SentenceKey = (typeof SENTENCE_KEYS)[number];

const CAPTION_KEYS = ['view', 'illustrative', 'archive'] as const;
export type CaptionKey = (typeof CAPTION_KEYS)[number];
