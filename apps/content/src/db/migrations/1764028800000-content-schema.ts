import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The content model: sections, authors, tags and articles (one row per
 * edition; translations share a `story_id`). Every filter and sort the API
 * offers has an index; full-text search has a GIN index over a generated
 * tsvector built with the article's own language configuration.
 */
export class ContentSchema1764028800000 implements MigrationInterface {
  name = 'ContentSchema1764028800000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE sections (
        id        integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        slug      text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
        names     jsonb NOT NULL CHECK (jsonb_typeof(names) = 'object'),
        position  integer NOT NULL DEFAULT 0
      )`);
    await db.query('CREATE INDEX sections_position_idx ON sections (position, id)');

    await db.query(`
      CREATE TABLE authors (
        id    integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        slug  text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
        name  text NOT NULL,
        bio   text
      )`);
    await db.query('CREATE INDEX authors_name_idx ON authors (name, id)');

    await db.query(`
      CREATE TABLE tags (
        id    integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        slug  text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
        name  text NOT NULL
      )`);
    await db.query('CREATE INDEX tags_name_idx ON tags (name, id)');

    // array_to_string is only STABLE in general; for text[] it is immutable,
    // which a generated column needs.
    await db.query(`
      CREATE FUNCTION byline_paragraphs(text[]) RETURNS text
        LANGUAGE sql IMMUTABLE PARALLEL SAFE
        RETURN array_to_string($1, E'\\n')`);

    await db.query(`
      CREATE TABLE articles (
        id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        edition          text NOT NULL CHECK (edition ~ '^[a-z]{2,3}$'),
        slug             text NOT NULL CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
        status           text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'archived')),
        title            text NOT NULL,
        source           text,
        lead             text NOT NULL DEFAULT '',
        body             text[] NOT NULL DEFAULT '{}',
        section_id       integer NOT NULL REFERENCES sections (id),
        cover_url        text,
        cover_caption    text,
        reading_minutes  integer NOT NULL CHECK (reading_minutes > 0),
        story_id         uuid NOT NULL DEFAULT gen_random_uuid(),
        published_at     timestamptz,
        created_at       timestamptz NOT NULL DEFAULT now(),
        updated_at       timestamptz NOT NULL DEFAULT now(),
        -- Feeds sort by publication time; drafts (not yet published) by creation time.
        listed_at        timestamptz GENERATED ALWAYS AS (coalesce(published_at, created_at)) STORED,
        search_config    regconfig NOT NULL,
        search           tsvector GENERATED ALWAYS AS (
                           setweight(to_tsvector(search_config, title), 'A') ||
                           setweight(to_tsvector(search_config, coalesce(source, '') || ' ' || lead), 'B') ||
                           setweight(to_tsvector(search_config, byline_paragraphs(body)), 'C')
                         ) STORED,
        CONSTRAINT articles_edition_slug_key UNIQUE (edition, slug),
        CONSTRAINT articles_published_has_time CHECK (status = 'draft' OR published_at IS NOT NULL)
      )`);
    // Feeds: newest first, filtered by status and optionally edition and section.
    await db.query('CREATE INDEX articles_feed_idx ON articles (status, listed_at DESC, id DESC)');
    await db.query('CREATE INDEX articles_edition_feed_idx ON articles (edition, status, listed_at DESC, id DESC)');
    await db.query(
      'CREATE INDEX articles_section_feed_idx ON articles (section_id, edition, status, listed_at DESC, id DESC)',
    );
    await db.query('CREATE INDEX articles_story_idx ON articles (story_id)');
    await db.query('CREATE INDEX articles_search_idx ON articles USING gin (search)');

    await db.query(`
      CREATE TABLE article_authors (
        article_id  bigint NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        author_id   integer NOT NULL REFERENCES authors (id),
        position    smallint NOT NULL,
        PRIMARY KEY (article_id, position),
        UNIQUE (article_id, author_id)
      )`);
    await db.query('CREATE INDEX article_authors_author_idx ON article_authors (author_id, article_id)');

    await db.query(`
      CREATE TABLE article_tags (
        article_id  bigint NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        tag_id      integer NOT NULL REFERENCES tags (id),
        PRIMARY KEY (article_id, tag_id)
      )`);
    await db.query('CREATE INDEX article_tags_tag_idx ON article_tags (tag_id, article_id)');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE article_tags, article_authors, articles, tags, authors, sections');
    await db.query('DROP FUNCTION byline_paragraphs(text[])');
  }
}
