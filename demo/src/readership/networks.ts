import type { ShareNetwork } from '@byline/analytics';

type NetworkWeights = Readonly<Partial<Record<ShareNetwork, number>>>;

/** Which share buttons readers press, in percent. */
const SHARES: NetworkWeights = {
  telegram: 24,
  facebook: 20,
  whatsapp: 16,
  copy_link: 12,
  x: 8,
  native_share: 6,
  vk: 3,
  email: 3,
  linkedin: 2,
  print: 2,
  reddit: 1,
};

/** The Russian edition's readers are on VK far more, on Facebook less. */
const BY_EDITION: Readonly<Record<string, NetworkWeights>> = { ru: { vk: 4, facebook: 0.6, linkedin: 0.3 } };

export function shareNetworksOf(edition: string): [ShareNetwork, number][] {
  const factors = BY_EDITION[edition] ?? {};
  return Object.entries(SHARES).map(([network, weight]) => [
    network as ShareNetwork,
    (weight ?? 0) * (factors[network as ShareNetwork] ?? 1),
  ]);
}

/** Share of views that end in a share: hits spread far more. */
export const SHARE_RATE = { normal: 0.015, hit: 0.03 };
