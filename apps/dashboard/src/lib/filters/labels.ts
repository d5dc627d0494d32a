import type { Channel, Device, DimensionKey, RangeKey } from './filters';

export const RANGE_LABELS: Record<RangeKey, string> = {
  today: 'Today',
  yesterday: 'Yesterday',
  '7d': 'Last 7 days',
  '30d': 'Last 30 days',
  '90d': 'Last 90 days',
  custom: 'Custom range',
};

export const CHANNEL_LABELS: Record<Channel, string> = {
  direct: 'Direct',
  internal: 'Internal',
  search: 'Search',
  social: 'Social',
  email: 'Email',
  campaign: 'Campaigns',
  other: 'Other sites',
};

export const DEVICE_LABELS: Record<Device, string> = {
  desktop: 'Desktop',
  mobile: 'Mobile',
  tablet: 'Tablet',
  other: 'Other',
};

export const DIMENSION_LABELS: Record<DimensionKey, string> = {
  edition: 'Edition',
  section: 'Section',
  country: 'Country',
  region: 'Region',
  channel: 'Channel',
  device: 'Device',
};

/** Share networks as their owners spell them. */
const NETWORK_LABELS: Record<string, string> = {
  facebook: 'Facebook',
  x: 'X',
  telegram: 'Telegram',
  whatsapp: 'WhatsApp',
  vk: 'VK',
  linkedin: 'LinkedIn',
  reddit: 'Reddit',
  email: 'Email',
  copy_link: 'Copied link',
  print: 'Print',
  native_share: 'Device share sheet',
  other: 'Other networks',
};

export const channelLabel = (value: string) => CHANNEL_LABELS[value as Channel] ?? (value || 'Unknown');
export const deviceLabel = (value: string) => DEVICE_LABELS[value as Device] ?? (value || 'Unknown');
export const networkLabel = (value: string) => NETWORK_LABELS[value] ?? (value || 'Unknown');

/** Zones offered besides the newsroom's and the one in the URL. */
export const TIME_ZONES = [
  'Asia/Baku',
  'UTC',
  'Europe/London',
  'Europe/Berlin',
  'Europe/Istanbul',
  'Europe/Moscow',
  'Asia/Tbilisi',
  'Asia/Dubai',
  'Asia/Almaty',
  'America/New_York',
  'America/Los_Angeles',
  'Asia/Tokyo',
];
