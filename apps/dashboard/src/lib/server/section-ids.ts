import { SectionIdsDocument } from '$lib/graphql/generated';
import { gql } from './gateway';

const TTL_MS = 60_000;
let cached: { at: number; ids: Map<string, string> } | undefined;

/** The id of a section slug; sections change rarely, so the list is kept a minute. */
export async function sectionIdOf(slug: string | undefined): Promise<string | undefined> {
  if (!slug) return undefined;
  if (!cached || Date.now() - cached.at > TTL_MS) {
    const { sections } = await gql(SectionIdsDocument, {});
    cached = { at: Date.now(), ids: new Map(sections.map((section) => [section.slug, section.id])) };
  }
  return cached.ids.get(slug);
}
