import { Field, InputType } from 'type-graphql';
import { RoleName } from './role.js';

// Rules (lengths, email shape) live in credentials/rules.ts, shared with the CLI.

@InputType()
export class CreateUserInput {
  @Field(() => String)
  email!: string;

  @Field(() => String, { nullable: true, description: 'Default: the part of the email before @.' })
  name?: string | null;

  @Field(() => RoleName)
  role!: RoleName;

  @Field(() => String, { description: '12 to 256 characters.' })
  password!: string;
}

@InputType({ description: 'Only the fields given change.' })
export class UpdateUserInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => RoleName, { nullable: true })
  role?: RoleName | null;

  @Field(() => Boolean, { nullable: true, description: 'Disabling revokes the user’s sessions.' })
  disabled?: boolean | null;

  @Field(() => String, { nullable: true, description: 'A new password; revokes the user’s sessions.' })
  password?: string | null;
}
