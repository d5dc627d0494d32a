import { Field, GraphQLISODateTime, ID, ObjectType } from 'type-graphql';
import { RoleName } from './role.js';

@ObjectType({ description: 'A person who signs in to the newsroom tools.' })
export class User {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  email!: string;

  @Field(() => String)
  name!: string;

  @Field(() => RoleName)
  role!: RoleName;

  @Field(() => Boolean, { description: 'A disabled user cannot sign in; their sessions are revoked.' })
  disabled!: boolean;

  @Field(() => GraphQLISODateTime)
  createdAt!: Date;

  @Field(() => GraphQLISODateTime, { nullable: true })
  lastLoginAt!: Date | null;
}
