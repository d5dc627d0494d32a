import { Field, InputType, Int } from 'type-graphql';
import { RoleName } from '../users/role.js';

@InputType()
export class CreateApiTokenInput {
  @Field(() => String, { description: 'What the token is for, 1 to 100 characters.' })
  name!: string;

  @Field(() => RoleName)
  role!: RoleName;

  @Field(() => Int, { description: '1 to 365.' })
  expiresInDays!: number;
}
