import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect } from 'react';
import { checkBinder } from '../../../shared/model/binder-marker';
import { getBridge } from '../../bridge';
import { markerOf, openBinderIdentity, storedDossierCount } from '../../data/binder-identity';

let binderId: string | undefined;

/** Set at start, once the binder has passed the marker check. */
export function setCurrentBinderId(id: string): void {
  binderId = id;
}

/**
 * Writes the marker after a change to the dossier count. Never down to a count the rule
 * would stop on (storage emptied under the running app must not teach the marker that
 * the binder is empty); a restore of a smaller backup writes it itself (acceptBinder).
 */
export async function recordDossierCount(dossiers: number): Promise<void> {
  if (!binderId) return;
  const bridge = getBridge();
  const marker = await bridge.getBinderMarker();
  if (marker && marker.dossiers === dossiers && marker.binderId === binderId) return;
  if (!checkBinder(marker, { binderId, dossiers }).ok) return;
  await bridge.setBinderMarker(markerOf(binderId, dossiers));
}

/** Whether the binder now open still passes the marker's rule (the daily backup asks first). */
export async function binderLooksWhole(): Promise<boolean> {
  const marker = await getBridge().getBinderMarker();
  return checkBinder(marker, { binderId, dossiers: await storedDossierCount() }).ok;
}

export function BinderMarkerKeeper() {
  const count = useLiveQuery(() => storedDossierCount(), []);
  useEffect(() => {
    if (count !== undefined) recordDossierCount(count).catch((err: unknown) => console.error('[tickler] binder marker not written', err));
  }, [count]);
  return null;
}

/**
 * The manager chose this binder (a restore, an undo of an import, "continue as it is"): the
 * marker takes its identity and count as they are now, even when that is much smaller.
 */
export async function acceptBinder(): Promise<void> {
  const open = await openBinderIdentity();
  binderId = open.binderId;
  await getBridge().setBinderMarker(markerOf(open.binderId, open.dossiers));
}
