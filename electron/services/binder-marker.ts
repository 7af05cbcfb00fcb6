import { binderMarkerSchema, type BinderMarker } from '../../shared/model/binder-marker';

/** What the service needs of electron-store: get and set one key. */
export interface MarkerStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

const KEY = 'binderMarker';

/** electron-store options: a file of its own, so a damaged settings file never takes the marker with it. */
export function markerStoreOptions() {
  return { name: 'binder-marker', clearInvalidConfig: true } as const;
}

/**
 * The binder's marker (shared/model/binder-marker.ts) in electron-store, outside the
 * IndexedDB folder that Electron has been seen to wipe. A stored value that fails the
 * schema reads as none: the check then lets the binder through rather than stopping the
 * app on a marker it cannot trust.
 */
export function createMarkerService(store: MarkerStore) {
  return {
    get(): BinderMarker | null {
      const parsed = binderMarkerSchema.safeParse(store.get(KEY));
      return parsed.success ? parsed.data : null;
    },
    set(marker: BinderMarker): void {
      store.set(KEY, binderMarkerSchema.parse(marker));
    },
  };
}
