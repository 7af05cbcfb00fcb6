import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * Before an app update opens the binder, main copies the IndexedDB folder aside:
 * `<userData>/IndexedDB` → `<userData>/IndexedDB.before-update`, keeping only the last copy.
 *
 * Why main at start, when the app version changed, and not the renderer asking before an
 * upgrade: the copy must be of a quiet database. At start no window exists, so nothing
 * holds LevelDB's files open or is half-way through a write; once the renderer has looked
 * at the stored version (opening it to ask) Chromium keeps the backing store open for a
 * while, and copying live LevelDB files can catch a torn log. Every schema change ships
 * in a new app version, so "the version changed" covers every upgrade; the price is a copy
 * on updates that bring none, a few seconds once per update.
 */
export const COPY_SUFFIX = '.before-update';

export interface CopyAsideResult {
  copied: boolean;
  /** Where the copy is, when one was made. */
  to?: string;
}

export async function copyDbAsideOnUpdate(opts: {
  userData: string;
  version: string;
  lastVersion: string | undefined;
  /** Injected for tests; fs.cp in the app. */
  cp?: (from: string, to: string) => Promise<void>;
}): Promise<CopyAsideResult> {
  const { userData, version, lastVersion } = opts;
  // A first start (no version recorded) has nothing of an older app to protect.
  if (lastVersion === undefined || lastVersion === version) return { copied: false };
  const from = path.join(userData, 'IndexedDB');
  if (!(await fs.stat(from).catch(() => null))?.isDirectory()) return { copied: false };
  const to = from + COPY_SUFFIX;
  const partial = to + '.partial';
  const cp = opts.cp ?? ((a: string, b: string) => fs.cp(a, b, { recursive: true, errorOnExist: true, force: false }));
  await fs.rm(partial, { recursive: true, force: true });
  await cp(from, partial);
  // The previous copy goes only once the new one is whole: a failed copy leaves the last good one.
  await fs.rm(to, { recursive: true, force: true });
  await fs.rename(partial, to);
  return { copied: true, to };
}
