import { ratio } from '$lib/shaping/stats';

export interface NetworkAmplification {
  network: string;
  shares: number;
  viewsBack: number;
  viewsPerShare: number | null;
}

/**
 * Per-network amplification summed over many articles (the API gives it per
 * article only), most shared network first.
 */
export function totalAmplification(
  perArticle: readonly { network: string; shares: number; viewsBack: number }[][],
): NetworkAmplification[] {
  const totals = new Map<string, { shares: number; viewsBack: number }>();
  for (const entry of perArticle.flat()) {
    const total = totals.get(entry.network) ?? { shares: 0, viewsBack: 0 };
    total.shares += entry.shares;
    total.viewsBack += entry.viewsBack;
    totals.set(entry.network, total);
  }
  return [...totals]
    .map(([network, { shares, viewsBack }]) => ({
      network,
      shares,
      viewsBack,
      viewsPerShare: ratio(viewsBack, shares),
    }))
    .sort((a, b) => b.shares - a.shares || b.viewsBack - a.viewsBack || a.network.localeCompare(b.network));
}
