import { Field, Float, GraphQLISODateTime, Int, ObjectType } from 'type-graphql';
import { ArticleEntity, AuthorEntity, SectionEntity } from './entities.js';

@ObjectType({ description: 'One bucket of a time series.' })
export class TimePoint {
  @Field(() => GraphQLISODateTime, { description: 'Start of the bucket.' })
  at!: Date;

  @Field(() => Int)
  views!: number;

  @Field(() => Int)
  uniqueReaders!: number;
}

@ObjectType({ description: 'Readership of one value of a dimension.' })
export class Breakdown {
  @Field(() => String, { description: 'The value: a country code, region name, channel, edition or device.' })
  value!: string;

  @Field(() => Int)
  views!: number;

  @Field(() => Int)
  uniqueReaders!: number;
}

@ObjectType({ description: 'A row of grouped readership: the grouped dimensions are set, the others null.' })
export class ReadershipRow {
  @Field(() => SectionEntity, { nullable: true })
  section!: SectionEntity | null;

  @Field(() => ArticleEntity, { nullable: true })
  article!: ArticleEntity | null;

  @Field(() => AuthorEntity, { nullable: true })
  author!: AuthorEntity | null;

  @Field(() => String, { nullable: true })
  edition!: string | null;

  @Field(() => String, { nullable: true })
  country!: string | null;

  @Field(() => String, { nullable: true })
  region!: string | null;

  @Field(() => String, { nullable: true })
  channel!: string | null;

  @Field(() => String, { nullable: true })
  device!: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Bucket start, when an interval was asked for.' })
  bucket!: Date | null;

  @Field(() => Int)
  views!: number;

  @Field(() => Int)
  uniqueReaders!: number;
}

/** A row with the given fields, every other dimension null. */
export function readershipRow(
  fields: Partial<ReadershipRow> & Pick<ReadershipRow, 'views' | 'uniqueReaders'>,
): ReadershipRow {
  return {
    section: null,
    article: null,
    author: null,
    edition: null,
    country: null,
    region: null,
    channel: null,
    device: null,
    bucket: null,
    ...fields,
  };
}

@ObjectType()
export class NetworkCount {
  @Field(() => String, {
    description: 'facebook, x, telegram, whatsapp, vk, linkedin, reddit, email, copy_link, print, native_share.',
  })
  network!: string;

  @Field(() => Int)
  count!: number;
}

@ObjectType()
export class ShareSummary {
  @Field(() => Int)
  total!: number;

  @Field(() => [NetworkCount], { description: 'Most used first.' })
  byNetwork!: NetworkCount[];
}

@ObjectType({ description: 'How many views came back from a social network per share to it.' })
export class Amplification {
  @Field(() => String)
  network!: string;

  @Field(() => Int)
  shares!: number;

  @Field(() => Int, { description: 'Views whose referrer or UTM tags point to this network.' })
  viewsBack!: number;

  @Field(() => Float, { nullable: true, description: 'viewsBack / shares; null without shares.' })
  viewsPerShare!: number | null;
}

@ObjectType()
export class EngagedTime {
  @Field(() => Int, { description: 'Page views that sent engagement heartbeats.' })
  engagedViews!: number;

  @Field(() => Int)
  totalSeconds!: number;

  @Field(() => Float, { nullable: true, description: 'Average engaged seconds per engaged view.' })
  averageSeconds!: number | null;
}

@ObjectType({ description: 'An article ranked by a readership metric.' })
export class TopArticle {
  @Field(() => ArticleEntity)
  article!: ArticleEntity;

  @Field(() => Int)
  views!: number;

  @Field(() => Int)
  uniqueReaders!: number;

  @Field(() => Int)
  shares!: number;
}
