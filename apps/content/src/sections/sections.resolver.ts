import { bounded, LIST_SIZES } from '@byline/graphql';
import { Arg, Args, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { articlesPublished, PublishedWindowArgs } from '../common/published-window.js';
import type { Context } from '../context.js';
import { LocalizedName, Section } from './section.type.js';
import { allSections, sectionBySlug } from './sections.sql.js';

@Resolver(() => Section)
export class SectionsResolver {
  @Query(() => [Section], { description: 'All sections in navigation order.' })
  sections(@Ctx() ctx: Context): Promise<Section[]> {
    return allSections(ctx.db, LIST_SIZES['Query.sections']);
  }

  @Query(() => Section, { nullable: true })
  section(@Arg('slug', () => String) slug: string, @Ctx() ctx: Context): Promise<Section | null> {
    return sectionBySlug(ctx.db, slug);
  }

  @FieldResolver(() => String, {
    description: "The section's name in an edition; the default edition's name when it has none.",
  })
  name(
    @Root() section: Section,
    @Arg('edition', () => String, { nullable: true }) edition: string | null,
    @Ctx() ctx: Context,
  ): string {
    const names = section.namesByEdition;
    return names[edition ?? ctx.defaultEdition] ?? names[ctx.defaultEdition] ?? Object.values(names)[0] ?? section.slug;
  }

  @FieldResolver(() => Int, { description: 'Articles of the section published in the window.' })
  articlesPublished(
    @Root() section: Section,
    @Args(() => PublishedWindowArgs) args: PublishedWindowArgs,
    @Ctx() ctx: Context,
  ): Promise<number> {
    return articlesPublished(ctx, 'section', section.id, args);
  }

  @FieldResolver(() => [LocalizedName])
  names(@Root() section: Section): LocalizedName[] {
    return bounded(
      'Section.names',
      Object.entries(section.namesByEdition).map(([edition, name]) => ({ edition, name })),
    );
  }
}
