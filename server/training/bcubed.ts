/** One clustered item: the cluster a system put it in, and the class it truly belongs to. */
export interface ClusteredItem {
  cluster: string;
  truth: string;
}

export interface BCubed {
  /** Mean over items of the share of the item's cluster that shares its class (1 − overgrouping). */
  precision: number;
  /** Mean over items of the share of the item's class that shares its cluster (1 − undergrouping). */
  recall: number;
  items: number;
}

/**
 * B-cubed precision and recall of a clustering against the true classes (Bagga & Baldwin 1998; Amigó et al. 2009):
 * unlike pair counts, every item weighs the same whatever the size of its cluster, so one issue that absorbed
 * several root causes costs precision for each event it holds.
 */
export function bcubed(items: readonly ClusteredItem[]): BCubed {
  if (items.length === 0) return { precision: 1, recall: 1, items: 0 };
  const count = (key: (item: ClusteredItem) => string) => {
    const counts = new Map<string, number>();
    for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
    return counts;
  };
  const clusterSize = count((item) => item.cluster);
  const classSize = count((item) => item.truth);
  const both = count((item) => JSON.stringify([item.cluster, item.truth]));
  let precision = 0;
  let recall = 0;
  for (const item of items) {
    const shared = both.get(JSON.stringify([item.cluster, item.truth]))!;
    precision += shared / clusterSize.get(item.cluster)!;
    recall += shared / classSize.get(item.truth)!;
  }
  return { precision: precision / items.length, recall: recall / items.length, items: items.length };
}
