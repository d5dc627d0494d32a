import { Field, Float, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '../common/page-info.js';
import { Article } from './article.type.js';

@ObjectType()
export class ArticleEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => Article)
  node!: Article;
}

/** `totalCount` runs its own COUNT query, only when a client asks for it. */
@ObjectType({ description: 'A page of articles (Relay connection).' })
export class ArticleConnection {
  @Field(() => [ArticleEdge])
  edges!: ArticleEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  countAll!: () => Promise<number>;

  @Field(() => Int, { description: 'Articles matching the filter, across all pages.' })
  totalCount(): Promise<number> {
    return this.countAll();
  }
}

@ObjectType()
export class SearchEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => Article)
  node!: Article;

  @Field(() => Float, { description: 'Relevance; higher is better.' })
  rank!: number;

  @Field(() => String, {
    description: 'Matching passage as HTML-escaped text with the matched words wrapped in `<mark>`.',
  })
  snippet!: string;
}

@ObjectType({ description: 'Search results, best first.' })
export class SearchConnection {
  @Field(() => [SearchEdge])
  edges!: SearchEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  countAll!: () => Promise<number>;

  @Field(() => Int)
  totalCount(): Promise<number> {
    return this.countAll();
  }
}
