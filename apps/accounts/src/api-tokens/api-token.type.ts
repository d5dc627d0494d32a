import { Field, GraphQLISODateTime, ID, ObjectType } from 'type-graphql';
import { RoleName } from '../users/role.js';

@ObjectType({ description: 'A credential for a server-side client, with a role and an expiry.' })
export class ApiToken {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => RoleName)
  role!: RoleName;

  @Field(() => GraphQLISODateTime)
  createdAt!: Date;

  @Field(() => GraphQLISODateTime)
  expiresAt!: Date;

  @Field(() => GraphQLISODateTime, { nullable: true })
  revokedAt!: Date | null;
}

@ObjectType({ description: 'A new API token. The secret is shown this once; only its hash is kept.' })
export class NewApiToken {
  @Field(() => String, { description: 'Send as `Authorization: Bearer …`.' })
  token!: string;

  @Field(() => ApiToken)
  apiToken!: ApiToken;
}
