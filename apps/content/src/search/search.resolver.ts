import { badInput, checkLimit } from '@byline/graphql';
import { Args, ArgsType, Ctx, Field, Int, Query, Resolver } from 'type-graphql';
import { SearchConnection } from '../articles/connection.type.js';
import { decodeCursor, encodeCursor, MAX_PAGE_SIZE } from '../common/cursor.js';
import type { Context } from '../context.js';
import { searchCount, searchPage } from './search.sql.js';
import { snippetHtml } from './snippet.js';

/** Relevance pages are offsets; deep pages of a search are not worth their cost. */
const MAX_OFFSET = 1000;

@ArgsType()
class SearchArgs {
  @Field(() => String, { description: 'Words as typed in a search box: "quoted phrases", -excluded, or.' })
  query!: string;

  @Field(() => String, { description: 'Edition to search; its language decides the stemming.' })
  edition!: string;

  @Field(() => Int, { defaultValue: 20 })
  first!: number;

  @Field(() => String, { nullable: true })
  after?: string | null;
}

function readOffset(cursor: string | null | undefined): number {
  if (!cursor) return 0;
  const [offset] = decodeCursor('after', 'search', cursor);
  if (typeof offset !== 'number' || !Number.isInteger(offset) || offset < 1 || offset > MAX_OFFSET) {
    throw badInput('after', 'malformed cursor');
  }
  return offset;
}

@Resolver()
export class SearchResolver {
  @Query(() => SearchConnection, { description: 'Full-text search of published articles, ranked.' })
  async search(@Args(() => SearchArgs) args: SearchArgs, @Ctx() ctx: Context): Promise<SearchConnection> {
    const first = checkLimit('first', args.first, MAX_PAGE_SIZE);
    const text = args.query.trim();
    if (text.length === 0 || text.length > 200) throw badInput('query', 'must be 1 to 200 characters');
    const searchConfig = ctx.editions.get(args.edition);
    if (!searchConfig) throw badInput('edition', `unknown edition; one of ${[...ctx.editions.keys()].join(', ')}`);
    const offset = readOffset(args.after);
    const query = { text, edition: args.edition, searchConfig };

    const rows = await searchPage(ctx.db, query, offset, first + 1);
    const page = rows.slice(0, first);
    const edges = page.map(({ rank, snippet, ...node }, index) => ({
      node,
      rank,
      snippet: snippetHtml(snippet),
      cursor: encodeCursor('search', [offset + index + 1]),
    }));
    return Object.assign(new SearchConnection(), {
      edges,
      pageInfo: {
        hasNextPage: rows.length > first && offset + first < MAX_OFFSET,
        hasPreviousPage: offset > 0,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
      countAll: () => searchCount(ctx.db, query),
    });
  }
}
