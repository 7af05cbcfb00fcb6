import { describe, expect, it, vi } from 'vitest';
import * as XLSX from 'xlsx';
import { makePortfolio } from './fixtures';
import { endCover, runWorkbookJob } from '../../../renderer/workers/workbook-jobs';
import { startJob, JobCancelled } from '../../../renderer/workers/workbook-client';
import { emptyPortfolio } from '../../../shared/model/records';
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
  it('drops the "covered for" marks of dossiers coming home, and only of those', () => {
    const local = makePortfolio(2, { owner: 'Anna' });
    const incoming = {
      ...local,
      dossiers: local.dossiers.map((d) => ({ ...d, coveredFor: 'Anna', coveredUntil: '2026-12-07', notes: 'Boris was here' })),
    };
    const { portfolio, ended } = endCover(local, incoming);
    expect(ended).toBe(2);
    expect(portfolio.dossiers[0]).toMatchObject({ coveredFor: '', coveredUntil: '', notes: 'Boris was here', owner: 'Anna' });

    // In the colleague's binder (covered there) the marks are kept.
    const covering = { ...local, dossiers: incoming.dossiers };
    expect(endCover(covering, incoming).ended).toBe(0);
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
