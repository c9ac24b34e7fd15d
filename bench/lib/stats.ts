// Small statistics for benchmarks: medians and spread over repeats, never a single timing.
export const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** (max - min) / median, as a percentage: how much the repeats disagreed. */
export const spreadPct = (xs: number[]) => (100 * (Math.max(...xs) - Math.min(...xs))) / median(xs);

/** The order for repeat `round`: the list rotated, so no candidate always runs first or last. */
export const rotated = <T>(items: T[], round: number) => items.map((_, i) => items[(i + round) % items.length]!);
