// @vitest-environment jsdom
import { act, createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { emptyPortfolio } from '../../../shared/model/records';
import { JobCancelled } from '../../../renderer/workers/workbook-client';

/**
 * The team view's prepare flow, written once for both dialogs: files saved one by one
 * under their own names, a declined save or a cancel stops there, and what went wrong is
 * said in the UI language. The worker and the bridge are stand-ins; the flow is the real one.
 */
const written: string[] = [];
let writeImpl: (scope: string, sink: (c: (() => void) | undefined) => void) => Promise<Uint8Array>;
const saveFile = vi.fn();
const toast = vi.fn();

vi.mock('../../../renderer/features/sync/sync-actions', () => ({
  XLSX_FILTERS: [],
  exportMeta: async (_author: string, _lang: string, scope: string) => ({ scope }),
  writeWorkbook: (_p: unknown, meta: { scope: string }, _progress: unknown, sink: (c: (() => void) | undefined) => void) => writeImpl(meta.scope, sink),
}));
vi.mock('../../../renderer/bridge', () => ({ getBridge: () => ({ saveFile }) }));
vi.mock('../../../renderer/ui/settings-context', () => ({ useAuthor: () => 'Lead' }));
vi.mock('../../../renderer/ui/toast', () => ({ useToast: () => toast }));

const { usePrepareExport } = await import('../../../renderer/features/portfolio/use-prepare-export');
const { initI18n, setLanguage } = await import('../../../renderer/ui/i18n');
type Flow = ReturnType<typeof usePrepareExport>;

let flow: Flow;
function Probe() {
  flow = usePrepareExport();
  return null;
}

const file = (name: string) => ({ portfolio: emptyPortfolio(), scope: name, name: `${name}.xlsx` });
let root: ReturnType<typeof createRoot>;

beforeAll(async () => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  await initI18n('ru');
});

beforeEach(async () => {
  written.length = 0;
  saveFile.mockReset();
  toast.mockReset();
  writeImpl = async (scope) => {
    written.push(scope);
    return new Uint8Array([1]);
  };
  root = createRoot(document.createElement('div'));
  await act(async () => root.render(createElement(Probe)));
});

afterEach(() => act(() => root.unmount()));

describe('usePrepareExport', () => {
  it('saves every file under its own name and names them all in one toast', async () => {
    saveFile.mockImplementation(async ({ suggestedName }: { suggestedName: string }) => ({ saved: true, path: `/out/${suggestedName}` }));
    let n = 0;
    await act(async () => { n = await flow.run([file('to-boris'), file('to-vera')], (paths) => `saved ${paths}`); });
    expect(n).toBe(2);
    expect(saveFile.mock.calls.map(([r]) => r.suggestedName)).toEqual(['to-boris.xlsx', 'to-vera.xlsx']);
    expect(toast).toHaveBeenCalledWith({ kind: 'success', message: 'saved /out/to-boris.xlsx, /out/to-vera.xlsx' });
    expect(flow.error).toBe('');
    expect(flow.progress).toBeNull();
  });

  it('stops at a save the lead declines: the files before it count, the rest are not written', async () => {
    saveFile.mockResolvedValueOnce({ saved: true, path: '/out/a.xlsx' }).mockResolvedValueOnce({ saved: false });
    let n = -1;
    await act(async () => { n = await flow.run([file('a'), file('b'), file('c')], (paths) => paths); });
    expect(n).toBe(1);
    expect(written).toEqual(['a', 'b']);
    expect(toast).toHaveBeenCalledWith({ kind: 'success', message: '/out/a.xlsx' });
  });

  it('keeps a failure in the dialog in the UI language, with no success toast', async () => {
    await act(() => setLanguage('ru'));
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    writeImpl = async () => { throw new Error('disk full'); };
    let n = -1;
    await act(async () => { n = await flow.run([file('a')], (paths) => paths); });
    expect(n).toBe(0);
    expect(flow.error).toBe('Не удалось записать книгу: disk full');
    expect(toast).not.toHaveBeenCalled();
    expect(saveFile).not.toHaveBeenCalled();
    // The exception itself is for the log.
    expect(log).toHaveBeenCalled();
    log.mockRestore();
  });

  it('Cancel stops the running write (the dialog stays), and Cancel when idle closes', async () => {
    await act(() => setLanguage('ro'));
    let release: (() => void) | undefined;
    writeImpl = (_scope, sink) =>
      new Promise((_resolve, reject) => {
        release = () => reject(new JobCancelled());
        sink(release);
      });
    const close = vi.fn();
    let pending: Promise<number> | undefined;
    await act(async () => { pending = flow.run([file('a'), file('b')], (paths) => paths); });
    expect(flow.progress).toEqual({ at: 0, of: 2, name: 'a.xlsx' });
    await act(async () => { flow.cancelOr(close); await pending; });
    expect(close).not.toHaveBeenCalled();
    expect(await pending).toBe(0);
    expect(saveFile).not.toHaveBeenCalled();
    expect(flow.error).toBe('Oprit. Registre salvate până atunci: 0.');
    flow.cancelOr(close);
    expect(close).toHaveBeenCalledTimes(1);
  });
});
