import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A name in one language edition.' })
export class LocalizedName {
  @Field(() => String)
  edition!: string;

  @Field(() => String)
  name!: string;
}

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A section of the site (WORLD, POLITICS, …), named in every edition.' })
export class Section {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  slug!: string;

  @Field(() => Int, { description: 'Order in the site navigation.' })
  position!: number;

  /** Names by edition code; exposed through `name(edition)` and `names`. */
  namesByEdition!: Record<string, string>;
}
