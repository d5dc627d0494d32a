import { Directive, Field, ID, ObjectType } from 'type-graphql';

// The content subgraph owns these entities; analytics adds readership fields to them.

@Directive('@key(fields: "id")')
@ObjectType('Article')
export class ArticleEntity {
  @Field(() => ID)
  id!: string;
}

@Directive('@key(fields: "id")')
@ObjectType('Section')
export class SectionEntity {
  @Field(() => ID)
  id!: string;
}

@Directive('@key(fields: "id")')
@ObjectType('Author')
export class AuthorEntity {
  @Field(() => ID)
  id!: string;
}

export const entityReferences = {
  Article: { __resolveReference: ({ id }: { id: string }) => ({ id }) },
  Section: { __resolveReference: ({ id }: { id: string }) => ({ id }) },
  Author: { __resolveReference: ({ id }: { id: string }) => ({ id }) },
};
