import { badInput, isId } from '@byline/graphql';
import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { CHANNELS, DEVICES } from '../../ingest/events.js';

export enum Dimension {
  SECTION = 'SECTION',
  ARTICLE = 'ARTICLE',
  AUTHOR = 'AUTHOR',
  EDITION = 'EDITION',
  COUNTRY = 'COUNTRY',
  REGION = 'REGION',
  CHANNEL = 'CHANNEL',
  DEVICE = 'DEVICE',
}
registerEnumType(Dimension, { name: 'Dimension', description: 'What readership can be grouped and filtered by.' });

/**
 * The only identifiers that reach SQL: each dimension's column (as text, so
 * 64-bit ids survive JSON). Authors live in an array on raw rows only.
 */
export const DIMENSION_COLUMNS: Record<Dimension, { select: string; column: string }> = {
  [Dimension.SECTION]: { select: 'toString(section_id)', column: 'section_id' },
  [Dimension.ARTICLE]: { select: 'toString(article_id)', column: 'article_id' },
  [Dimension.AUTHOR]: { select: 'toString(author_id)', column: 'author_id' },
  [Dimension.EDITION]: { select: 'edition', column: 'edition' },
  [Dimension.COUNTRY]: { select: 'country', column: 'country' },
  [Dimension.REGION]: { select: 'region', column: 'region' },
  [Dimension.CHANNEL]: { select: 'channel', column: 'channel' },
  [Dimension.DEVICE]: { select: 'device', column: 'device' },
};

@InputType({ description: 'Every list given must contain the value; lists hold at most 100 values.' })
export class ReadershipFilter {
  @Field(() => [ID], { nullable: true })
  sectionIds?: string[] | null;

  @Field(() => [ID], { nullable: true })
  articleIds?: string[] | null;

  @Field(() => [ID], { nullable: true })
  authorIds?: string[] | null;

  @Field(() => [String], { nullable: true })
  editions?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'ISO 3166-1 alpha-2 codes.' })
  countries?: string[] | null;

  @Field(() => [String], { nullable: true })
  regions?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'direct, internal, search, social, email, campaign, other.' })
  channels?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'desktop, mobile, tablet, other.' })
  devices?: string[] | null;
}

/** A checked filter: dimension → allowed values. */
export type Filters = Partial<Record<Dimension, string[]>>;

const FILTER_FIELDS: [keyof ReadershipFilter, Dimension, (value: string) => boolean][] = [
  ['sectionIds', Dimension.SECTION, isId],
  ['articleIds', Dimension.ARTICLE, isId],
  ['authorIds', Dimension.AUTHOR, isId],
  ['editions', Dimension.EDITION, (v) => /^[a-z]{2,3}$/.test(v)],
  ['countries', Dimension.COUNTRY, (v) => /^[A-Z]{2}$/.test(v)],
  ['regions', Dimension.REGION, (v) => v.length <= 100],
  ['channels', Dimension.CHANNEL, (v) => (CHANNELS as readonly string[]).includes(v)],
  ['devices', Dimension.DEVICE, (v) => (DEVICES as readonly string[]).includes(v)],
];

export function checkFilter(filter: ReadershipFilter | null | undefined, field = 'filter'): Filters {
  const filters: Filters = {};
  for (const [key, dimension, valid] of FILTER_FIELDS) {
    const values = filter?.[key];
    if (!values) continue;
    if (values.length > 100) throw badInput(`${field}.${key}`, 'at most 100 values');
    const wrong = values.find((value) => !valid(value));
    if (wrong !== undefined) throw badInput(`${field}.${key}`, `"${wrong.slice(0, 60)}" is not a valid value`);
    filters[dimension] = values;
  }
  return filters;
}
