import { isId } from '@byline/graphql';
import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import type { Article } from './articles/article.type.js';
import { articlesByIds, articlesOfStories, bodiesByIds } from './articles/articles.sql.js';
import type { Author } from './authors/author.type.js';
import { authorsByIds, authorsOfArticles } from './authors/authors.sql.js';
import type { Section } from './sections/section.type.js';
import { sectionsByIds } from './sections/sections.sql.js';
import type { Tag } from './tags/tag.type.js';
import { tagsByIds, tagsOfArticles } from './tags/tags.sql.js';

/** One query for all the ids asked for in a tick; unknown or malformed ids load as null. */
function byId<T extends { id: string }>(fetch: (ids: string[]) => Promise<T[]>) {
  return new DataLoader<string, T | null>(async (ids) => {
    const valid = ids.filter(isId);
    const rows = valid.length > 0 ? await fetch(valid) : [];
    const found = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => found.get(id) ?? null);
  });
}

/** One query for the children of all the parents asked for in a tick, keyed by `parentKey`. */
function groupedBy<T>(parentKey: keyof T, fetch: (keys: string[]) => Promise<T[]>) {
  return new DataLoader<string, T[]>(async (keys) => {
    const groups = new Map<string, T[]>(keys.map((key) => [key, []]));
    for (const row of await fetch([...keys])) groups.get(String(row[parentKey]))?.push(row);
    return keys.map((key) => groups.get(key) ?? []);
  });
}

/** Per-request batching: one SQL query per entity type and relation, however many keys. */
export function createLoaders(db: DataSource) {
  return {
    article: byId<Article>((ids) => articlesByIds(db, ids)),
    articleBody: byId((ids) => bodiesByIds(db, ids)),
    section: byId<Section>((ids) => sectionsByIds(db, ids)),
    author: byId<Author>((ids) => authorsByIds(db, ids)),
    tag: byId<Tag>((ids) => tagsByIds(db, ids)),
    authorsOfArticle: groupedBy('articleId', (ids) => authorsOfArticles(db, ids)),
    tagsOfArticle: groupedBy('articleId', (ids) => tagsOfArticles(db, ids)),
    articlesOfStory: groupedBy('storyId', (ids) => articlesOfStories(db, ids)),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
