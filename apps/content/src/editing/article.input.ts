import { ID_PATTERN } from '@byline/graphql';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsOptional,
  IsUrl,
  Length,
  Matches,
  MaxLength,
} from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const NOT_BLANK = /\S/;

@InputType({ description: 'The editable content of an article (an update replaces all of it).' })
export class ArticleInput {
  @Field(() => String, { description: 'Lowercase words joined by hyphens; unique in the edition.' })
  @Length(1, 120)
  @Matches(SLUG, { message: 'must be lowercase letters and digits joined by single hyphens' })
  slug!: string;

  @Field(() => String)
  @Length(1, 300)
  @Matches(NOT_BLANK, { message: 'must not be blank' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'Agency the story is based on, shown as a prefix.' })
  @IsOptional()
  @Length(1, 120)
  source?: string | null;

  @Field(() => String, { defaultValue: '' })
  @MaxLength(2000)
  lead!: string;

  @Field(() => [String], { description: 'Paragraphs in order, 1 to 200.' })
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @Length(1, 20_000, { each: true })
  @Matches(NOT_BLANK, { each: true, message: 'paragraphs must not be blank' })
  body!: string[];

  @Field(() => ID)
  @Matches(ID_PATTERN, { message: 'must be an id' })
  sectionId!: string;

  @Field(() => [ID], { description: 'The byline in order, 1 to 10 authors.' })
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ArrayUnique()
  @Matches(ID_PATTERN, { each: true, message: 'must be ids' })
  authorIds!: string[];

  @Field(() => [ID], { defaultValue: [] })
  @ArrayMaxSize(20)
  @ArrayUnique()
  @Matches(ID_PATTERN, { each: true, message: 'must be ids' })
  tagIds!: string[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000)
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true }, { message: 'must be an http(s) URL' })
  coverUrl?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(500)
  coverCaption?: string | null;
}
