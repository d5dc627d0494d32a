import { Field, Float, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'Readership of one value of a dimension.' })
export class Breakdown {
  @Field(() => String, { description: 'The value: a country code, region name, channel, edition or device.' })
  value!: string;

  @Field(() => Int)
  views!: number;

  @Field(() => Int)
  uniqueReaders!: number;
}

@ObjectType()
export class NetworkCount {
  @Field(() => String, {
    description: 'facebook, x, telegram, whatsapp, vk, linkedin, reddit, email, copy_link, print, native_share.',
  })
  network!: string;

  @Field(() => Int)
  count!: number;
}

@ObjectType()
export class ShareSummary {
  @Field(() => Int)
  total!: number;

  @Field(() => [NetworkCount], { description: 'Most used first.' })
  byNetwork!: NetworkCount[];
}

@ObjectType({ description: 'How many views came back from a social network per share to it.' })
export class Amplification {
  @Field(() => String)
  network!: string;

  @Field(() => Int)
  shares!: number;

  @Field(() => Int, { description: 'Views whose referrer or UTM tags point to this network.' })
  viewsBack!: number;

  @Field(() => Float, { nullable: true, description: 'viewsBack / shares; null without shares.' })
  viewsPerShare!: number | null;
}

@ObjectType()
export class EngagedTime {
  @Field(() => Int, { description: 'Page views that sent engagement heartbeats.' })
  engagedViews!: number;

  @Field(() => Int)
  totalSeconds!: number;

  @Field(() => Float, { nullable: true, description: 'Average engaged seconds per engaged view.' })
  averageSeconds!: number | null;
}
