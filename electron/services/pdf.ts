import type { BrowserWindow } from 'electron';
import type { PrintRequest, PrintResult } from '../../shared/bridge';
import { atomicWriteFile } from './files';

export interface PdfServiceDeps {
  getWindow(): BrowserWindow | null;
  /** The save dialog of the file service; null when the user cancelled. */
  showSave(suggestedName: string, filters: { name: string; extensions: string[] }[]): Promise<string | null>;
}

function withPdfExtension(name: string): string {
  return /\.pdf$/i.test(name) ? name : `${name.replace(/\.[^.]*$/, '')}.pdf`;
}

/** Printing the window: the system print dialog, or an A4 PDF saved where the user says. */
export function createPdfService(deps: PdfServiceDeps) {
  function window(): BrowserWindow {
    const win = deps.getWindow();
    if (!win) throw new Error('There is no window to print.');
    return win;
  }
  return {
    async printPage(req: PrintRequest): Promise<PrintResult> {
      const win = window();
      if (req.mode === 'print') {
        // The callback reports a cancelled dialog as a failure with a reason; both are "not done".
        const done = await new Promise<boolean>((resolve) => win.webContents.print({ printBackground: true }, (ok) => resolve(ok)));
        return { done };
      }
      const pdf = await win.webContents.printToPDF({ pageSize: 'A4', printBackground: true });
      const file = await deps.showSave(withPdfExtension(req.suggestedName), [{ name: 'PDF', extensions: ['pdf'] }]);
      if (!file) return { done: false };
      await atomicWriteFile(file, pdf);
      return { done: true, path: file };
    },
  };
}
