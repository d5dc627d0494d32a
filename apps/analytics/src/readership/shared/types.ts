import { Field, GraphQLISODateTime, Int, ObjectType } from 'type-graphql';
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
