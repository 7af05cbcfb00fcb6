/** Items grouped by a key, in input order within each group. */
export function groupBy<T>(items: Iterable<T>, key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it);
    const list = map.get(k);
    if (list) list.push(it);
    else map.set(k, [it]);
  }
  return map;
}

/** Records grouped by their dossier, in input order within each group. */
export function groupByDossier<T extends { dossierId: string }>(items: readonly T[]): Map<string, T[]> {
  return groupBy(items, (it) => it.dossierId);
}
