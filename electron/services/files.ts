import fs from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { BrowserWindow, Dialog } from 'electron';
import type { OpenedFile, OpenFileRequest, SaveFileRequest, SaveFileResult } from '../../shared/bridge';

/** The file operations an atomic write needs; tests replace one to simulate a crash. */
export interface AtomicFs {
  open: typeof fs.open;
  rename: typeof fs.rename;
  unlink: typeof fs.unlink;
}
const realFs: AtomicFs = { open: fs.open, rename: fs.rename, unlink: fs.unlink };

/**
 * Writes `data` to `file` so that the file is always either the old or the new content:
 * a temporary file in the same folder is written and flushed to disk, then renamed over
 * the target (rename is atomic within one file system). A failure removes the temporary.
 */
export async function atomicWriteFile(file: string, data: Uint8Array, fsImpl: AtomicFs = realFs): Promise<void> {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await fsImpl.open(tmp, 'wx');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fsImpl.rename(tmp, file);
  } catch (err) {
    await fsImpl.unlink(tmp).catch(() => {});
    throw err;
  }
}

/** Files larger than this are refused on open: a portfolio workbook is a few megabytes. */
export const MAX_OPEN_BYTES = 200 * 1024 * 1024;

export interface FileServiceDeps {
  dialog: Pick<Dialog, 'showSaveDialog' | 'showOpenDialog'>;
  /** The window dialogs are modal to; null when it is gone. */
  getWindow(): BrowserWindow | null;
  /** Where save dialogs start (the Documents folder). */
  defaultDir(): string;
}

/** Save and open through native dialogs; the renderer never names a path itself. */
export function createFileService(deps: FileServiceDeps) {
  async function showSave(suggestedName: string, filters: SaveFileRequest['filters']): Promise<string | null> {
    const options = { defaultPath: path.join(deps.defaultDir(), path.basename(suggestedName)), filters };
    const win = deps.getWindow();
    const res = win ? await deps.dialog.showSaveDialog(win, options) : await deps.dialog.showSaveDialog(options);
    return res.canceled || !res.filePath ? null : res.filePath;
  }

  return {
    showSave,
    async saveFile(req: SaveFileRequest): Promise<SaveFileResult> {
      const file = await showSave(req.suggestedName, req.filters);
      if (!file) return { saved: false };
      await atomicWriteFile(file, req.data);
      return { saved: true, path: file };
    },
    async openFile(req: OpenFileRequest): Promise<OpenedFile | null> {
      const options = { properties: ['openFile' as const], filters: req.filters };
      const win = deps.getWindow();
      const res = win ? await deps.dialog.showOpenDialog(win, options) : await deps.dialog.showOpenDialog(options);
      const file = res.canceled ? undefined : res.filePaths[0];
      if (!file) return null;
      const { size } = await fs.stat(file);
      if (size > MAX_OPEN_BYTES) throw new Error(`The file is too large to open (${Math.round(size / 1048576)} MB).`);
      return { name: path.basename(file), data: new Uint8Array(await fs.readFile(file)) };
    },
  };
}
