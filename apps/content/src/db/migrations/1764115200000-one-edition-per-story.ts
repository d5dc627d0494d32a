import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A story has at most one article per edition. The create mutation checked
 * this before inserting, but two concurrent translations could both pass.
 */
export class OneEditionPerStory1764115200000 implements MigrationInterface {
  name = 'OneEditionPerStory1764115200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query('DROP INDEX articles_story_idx');
    await db.query('ALTER TABLE articles ADD CONSTRAINT articles_story_edition_key UNIQUE (story_id, edition)');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE articles DROP CONSTRAINT articles_story_edition_key');
    await db.query('CREATE INDEX articles_story_idx ON articles (story_id)');
  }
}
