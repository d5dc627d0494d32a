import { badInput, checkLimit, forbidden, isId } from '@byline/graphql';
import { canEdit } from '../auth/can-edit.js';
import { authorBySlug } from '../authors/authors.sql.js';
import { decodeCursor, encodeCursor, MAX_PAGE_SIZE } from '../common/cursor.js';
import type { Context } from '../context.js';
import { sectionBySlug } from '../sections/sections.sql.js';
import { tagBySlug } from '../tags/tags.sql.js';
import { ArticleStatus } from './article.type.js';
import { ArticleConnection } from './connection.type.js';
import { type ArticleFilter, ArticleOrder, type ArticlesArgs } from './feed.args.js';
import { type FeedQuery, feedCount, feedPage } from './feed.sql.js';

const POSITION = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

/** A real UTC instant with microseconds (the shape is not enough: "2024-02-30" would reach the database). */
function isInstant(value: string): boolean {
  if (!POSITION.test(value)) return false;
  const parsed = new Date(`${value.slice(0, 23)}Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 19) === value.slice(0, 19);
}

function readCursor(cursor: string, order: ArticleOrder): FeedQuery['after'] {
  const [cursorOrder, listedAt, id] = decodeCursor('after', 'feed', cursor);
  if (typeof listedAt !== 'string' || !isInstant(listedAt) || typeof id !== 'string' || !isId(id)) {
    throw badInput('after', 'malformed cursor');
  }
  if (cursorOrder !== order) throw badInput('after', 'this cursor belongs to a list in another order');
  return { listedAt, id };
}

async function idOfSlug(
  field: string,
  slug: string | null | undefined,
  find: (slug: string) => Promise<{ id: string } | null>,
): Promise<string | undefined> {
  if (slug === null || slug === undefined) return undefined;
  const found = await find(slug);
  if (!found) throw badInput(field, `no such slug "${slug.slice(0, 80)}"`);
  return found.id;
}

/** Turns the public filter into a feed query: slugs resolved, editions and roles checked. */
async function toFeedQuery(ctx: Context, filter: ArticleFilter, order: ArticleOrder): Promise<FeedQuery> {
  const statuses = filter.status?.length ? [...new Set(filter.status)] : [ArticleStatus.PUBLISHED];
  if (statuses.some((status) => status !== ArticleStatus.PUBLISHED) && !canEdit(ctx.identity)) {
    throw forbidden('filter.status: drafts and archived articles need the editor role');
  }
  if (filter.edition && !ctx.editions.has(filter.edition)) {
    throw badInput('filter.edition', `unknown edition; one of ${[...ctx.editions.keys()].join(', ')}`);
  }
  if (filter.publishedAfter && filter.publishedBefore && filter.publishedAfter >= filter.publishedBefore) {
    throw badInput('filter.publishedBefore', 'must be later than publishedAfter');
  }
  const [sectionId, authorId, tagId] = await Promise.all([
    idOfSlug('filter.section', filter.section, (slug) => sectionBySlug(ctx.db, slug)),
    idOfSlug('filter.author', filter.author, (slug) => authorBySlug(ctx.db, slug)),
    idOfSlug('filter.tag', filter.tag, (slug) => tagBySlug(ctx.db, slug)),
  ]);
  return {
    statuses,
    edition: filter.edition ?? undefined,
    sectionId,
    authorId,
    tagId,
    publishedAfter: filter.publishedAfter ?? undefined,
    publishedBefore: filter.publishedBefore ?? undefined,
    newestFirst: order === ArticleOrder.NEWEST,
  };
}

/** The `articles` connection: keyset pagination over (listed_at, id). */
export async function articleFeed(ctx: Context, args: ArticlesArgs): Promise<ArticleConnection> {
  const first = checkLimit('first', args.first, MAX_PAGE_SIZE);
  const after = args.after ? readCursor(args.after, args.orderBy) : undefined;
  const query = await toFeedQuery(ctx, args.filter ?? {}, args.orderBy);
  const rows = await feedPage(ctx.db, { ...query, after }, first);
  const page = rows.slice(0, first);
  for (const article of page) ctx.loaders.article.prime(article.id, article);
  const edges = page.map((node) => ({ node, cursor: encodeCursor('feed', [args.orderBy, node.listedAt, node.id]) }));
  return Object.assign(new ArticleConnection(), {
    edges,
    pageInfo: {
      hasNextPage: rows.length > first,
      hasPreviousPage: after !== undefined,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    countAll: () => feedCount(ctx.db, query),
  });
}
