import { Field, GraphQLISODateTime, ObjectType } from 'type-graphql';
import { User } from '../users/user.type.js';

@ObjectType({ description: 'A new login session. The token is shown this once; only its hash is kept.' })
export class Session {
  @Field(() => String, { description: 'Send as `Authorization: Bearer …` or the `byline_session` cookie.' })
  token!: string;

  @Field(() => GraphQLISODateTime)
  expiresAt!: Date;

  @Field(() => User)
  user!: User;
}
