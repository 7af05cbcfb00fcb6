/** Records grouped by their dossier, in input order within each group. */
export function groupByDossier<T extends { dossierId: string }>(items: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const it of items) {
    const list = map.get(it.dossierId);
    if (list) list.push(it);
    else map.set(it.dossierId, [it]);
  }
  return map;
}
