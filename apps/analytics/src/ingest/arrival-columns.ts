import type { ChannelFacts } from './enrich/channel.js';
import type { AgentFacts } from './enrich/device.js';
import type { ViewRow } from './events.js';

type ArrivalColumns = Pick<
  ViewRow,
  | 'device'
  | 'browser'
  | 'os'
  | 'referrer_host'
  | 'channel'
  | 'channel_source'
  | 'utm_source'
  | 'utm_medium'
  | 'utm_campaign'
>;

/** A view's columns for what the reader read on and how they arrived: one mapping for the collector and the demo. */
export function arrivalColumns(
  agent: Pick<AgentFacts, 'device' | 'browser' | 'os'>,
  arrival: ChannelFacts,
): ArrivalColumns {
  return {
    device: agent.device,
    browser: agent.browser,
    os: agent.os,
    referrer_host: arrival.referrerHost,
    channel: arrival.channel,
    channel_source: arrival.source,
    utm_source: arrival.utm.source,
    utm_medium: arrival.utm.medium,
    utm_campaign: arrival.utm.campaign,
  };
}
