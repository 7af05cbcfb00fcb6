import { afterEach, describe, expect, it, vi } from 'vitest';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { BrowserWindow } from 'electron';
import { atomicWriteFile, createFileService } from '../../../electron/services/files';

const dirs: string[] = [];
const tempDir = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'tickler-files-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
const bytes = (s: string) => new TextEncoder().encode(s);

describe('atomic write', () => {
  it('replaces the file with the new content and leaves no temporary behind', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'portfolio.xlsx');
    fs.writeFileSync(file, 'old');
    await atomicWriteFile(file, bytes('new'));
    expect(fs.readFileSync(file, 'utf8')).toBe('new');
    expect(fs.readdirSync(dir)).toEqual(['portfolio.xlsx']);
  });

  it('keeps the old file whole when the write fails before the rename', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'portfolio.xlsx');
    fs.writeFileSync(file, 'old');
    const crashing = { open: fsp.open, unlink: fsp.unlink, rename: vi.fn(async () => Promise.reject(new Error('power cut'))) };
    await expect(atomicWriteFile(file, bytes('new content'), crashing)).rejects.toThrow('power cut');
    expect(fs.readFileSync(file, 'utf8')).toBe('old');
    expect(fs.readdirSync(dir)).toEqual(['portfolio.xlsx']);
  });

  it('creates a file that did not exist', async () => {
    const file = path.join(tempDir(), 'new.xlsx');
    await atomicWriteFile(file, bytes('x'));
    expect(fs.readFileSync(file, 'utf8')).toBe('x');
  });
});

describe('file service', () => {
  const win = {} as BrowserWindow;
  it('saves where the user chose, and reports a cancelled dialog', async () => {
    const dir = tempDir();
    const target = path.join(dir, 'export.xlsx');
    const dialog = {
      showSaveDialog: vi.fn(async () => ({ canceled: false, filePath: target })),
      showOpenDialog: vi.fn(),
    };
    const service = createFileService({ dialog: dialog as never, getWindow: () => win, defaultDir: () => '/docs' });
    expect(await service.saveFile({ suggestedName: '../../evil/export.xlsx', data: bytes('data') })).toEqual({ saved: true, path: target });
    expect(fs.readFileSync(target, 'utf8')).toBe('data');
    // The suggested name cannot point the dialog outside the default folder.
    expect(dialog.showSaveDialog).toHaveBeenCalledWith(win, expect.objectContaining({ defaultPath: path.join('/docs', 'export.xlsx') }));

    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' });
    expect(await service.saveFile({ suggestedName: 'x.xlsx', data: bytes('y') })).toEqual({ saved: false });
  });

  it('opens the chosen file by name and bytes; null when cancelled', async () => {
    const dir = tempDir();
    const source = path.join(dir, 'handover.xlsx');
    fs.writeFileSync(source, 'sheet');
    const dialog = {
      showSaveDialog: vi.fn(),
      showOpenDialog: vi.fn(async () => ({ canceled: false, filePaths: [source] })),
    };
    const service = createFileService({ dialog: dialog as never, getWindow: () => null, defaultDir: () => dir });
    const opened = await service.openFile({ filters: [{ name: 'Excel', extensions: ['xlsx'] }] });
    expect(opened?.name).toBe('handover.xlsx');
    expect(new TextDecoder().decode(opened!.data)).toBe('sheet');
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    expect(await service.openFile({})).toBeNull();
  });
});
