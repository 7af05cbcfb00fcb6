import { describe, expect, it, vi } from 'vitest';
import * as XLSX from 'xlsx';
import { makePortfolio } from './fixtures';
import { endCover, runWorkbookJob } from '../../../renderer/workers/workbook-jobs';
import { startJob, JobCancelled } from '../../../renderer/workers/workbook-client';
import { emptyPortfolio, historySchema, type Portfolio } from '../../../shared/model/records';
import { newId } from '../../../shared/model/ids';
import { handoverCover, hasCover, NO_COVER } from '../../../shared/portfolio/handover';
import { buildPlanView, emptyChoices, planChanges } from '../../../renderer/features/sync/plan-view';
import { writePortfolioWorkbook } from '../../../shared/workbook';

const META = { appVersion: 'test', exportedBy: 'Anna', scope: 'all', language: 'ru' as const };
const noProgress = () => {};

function xlsx(rows: unknown[][]): Uint8Array {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), 'Лист1');
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

describe('the import job', () => {
  it('plans our own workbook against the local portfolio: re-importing an export changes nothing', () => {
    const p = makePortfolio(5);
    const data = writePortfolioWorkbook(p, META);
    const r = runWorkbookJob({ kind: 'import', data, local: p }, noProgress);
    if (r.kind !== 'plan') throw new Error(r.kind);
    expect(r.plan.created).toHaveLength(0);
    expect(r.plan.updated).toHaveLength(0);
    expect(r.plan.conflicts).toHaveLength(0);
    expect(r.plan.duplicates).toHaveLength(0);
    expect(r.meta.exportedBy).toBe('Anna');
  });

  it('sends any other spreadsheet (or CSV) to the column mapping', () => {
    const r = runWorkbookJob({ kind: 'import', data: xlsx([['Компания', 'ИНН'], ['ООО «Ромашка»', '7707083893']]), local: emptyPortfolio() }, noProgress);
    expect(r.kind).toBe('foreign');
    const csv = runWorkbookJob({ kind: 'import', data: new TextEncoder().encode('Company;Phone\nRomashka;+79161234567\n'), local: emptyPortfolio() }, noProgress);
    expect(csv.kind).toBe('foreign');
  });

  it('names the problem of a file that is neither', () => {
    const full = xlsx([['a', 'b'], [1, 2]]);
    const r = runWorkbookJob({ kind: 'import', data: full.slice(0, full.length / 2), local: emptyPortfolio() }, noProgress);
    expect(r.kind === 'fatal' && r.fatal.code).toBe('damaged');
  });

  it('can be cancelled before it runs (inline, without a Worker)', async () => {
    const job = startJob({ kind: 'write', portfolio: makePortfolio(1), meta: META });
    job.cancel();
    await expect(job.result).rejects.toBeInstanceOf(JobCancelled);
  });
});

describe('the handover return', () => {
  const cover = handoverCover('Anna', 'Boris', '2026-11-24', '2026-12-07');
  const home = (p: Portfolio): Portfolio => ({ ...p, dossiers: p.dossiers.map((d) => ({ ...d, ...cover.home })) });

  it('plans the cover fields of dossiers coming home as the binder has them, and only of those', () => {
    const local = home(makePortfolio(2, { owner: 'Anna' }));
    const incoming = { ...local, dossiers: local.dossiers.map((d) => ({ ...d, ...cover.copy, notes: 'Boris was here' })) };
    const { portfolio, returning } = endCover(local, incoming);
    expect(returning).toEqual(local.dossiers.map((d) => d.id));
    expect(portfolio.dossiers[0]).toMatchObject({ ...cover.home, notes: 'Boris was here', owner: 'Anna' });

    // In the colleague's binder (covered there) the marks are kept: no return.
    const covering = { ...local, dossiers: incoming.dossiers };
    expect(endCover(covering, incoming).returning).toEqual([]);
  });

  it("one import of the colleague's hand-back ends the cover and keeps both sides' history", () => {
    const local = home(makePortfolio(2, { owner: 'Anna' }));
    const back = structuredClone({ ...local, dossiers: local.dossiers.map((d) => ({ ...d, ...cover.copy })) });
    const [vector] = back.dossiers;
    const call = historySchema.parse({ ...back.history[0]!, id: newId(), author: 'Boris', at: '2026-12-02T10:00:00.000Z', summary: 'Boris: agreed on the delivery' });
    back.history.push(call);
    const r = runWorkbookJob({ kind: 'import', data: writePortfolioWorkbook(back, { ...META, exportedBy: 'Boris' }), local }, noProgress);
    if (r.kind !== 'plan') throw new Error(r.kind);
    expect(r.returningFrom).toBe('Boris');
    const input = { plan: r.plan, portfolio: r.portfolio, local, meta: r.meta, returningFrom: r.returningFrom, returning: r.returning };
    const view = buildPlanView(input, 'en', (k) => k);
    expect(view.coverEnds).toBe(2);
    const changes = planChanges(input, emptyChoices(view));
    // Boris's call is added; Anna's own entries are already hers (history is append-only).
    expect(changes.history.map((h) => h.summary)).toContain('Boris: agreed on the delivery');
    expect(changes.dossiers).toHaveLength(2);
    for (const d of changes.dossiers) expect(hasCover(d)).toBe(false);
    expect(changes.dossiers.find((d) => d.id === vector!.id)).toMatchObject({ owner: 'Anna', company: vector!.company });

    // Once home, the same workbook again ends nothing and changes nothing.
    const after = { ...local, dossiers: local.dossiers.map((d) => ({ ...d, ...NO_COVER })), history: [...local.history, call] };
    const again = runWorkbookJob({ kind: 'import', data: writePortfolioWorkbook(back, META), local: after }, noProgress);
    if (again.kind !== 'plan') throw new Error(again.kind);
    const againView = buildPlanView({ plan: again.plan, portfolio: again.portfolio, local: after, meta: again.meta, returning: again.returning }, 'en', (k) => k);
    expect(againView.changeCount).toBe(0);
  });
});

describe('the worker, given the binder after the file', () => {
  it('reads the file first and plans once the binder arrives', async () => {
    const posted: { type: string; phase?: string; result?: { kind: string; plan?: { created: unknown[] } } }[] = [];
    vi.stubGlobal('self', { postMessage: (m: (typeof posted)[number]) => posted.push(m) });
    await import('../../../renderer/workers/workbook.worker');
    const scope = self as unknown as { onmessage(e: { data: unknown }): Promise<void> };
    const p = makePortfolio(3);
    const running = scope.onmessage({ data: { kind: 'import', data: writePortfolioWorkbook(p, META) } });
    // The file is read before the binder comes: the plan waits for it.
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(posted.map((m) => m.phase ?? m.type)).toEqual(['read']);
    await scope.onmessage({ data: { kind: 'local', local: p } });
    await running;
    expect(posted.map((m) => m.phase ?? m.type)).toEqual(['read', 'plan', 'done']);
    expect(posted.at(-1)!.result).toMatchObject({ kind: 'plan', plan: { created: [] } });
    vi.unstubAllGlobals();
  });
});
