/**
 * The window while the app imports the 10,000-dossier workbook (100,000 history entries)
 * into an empty binder through the Excel screen's own path: readForImport (the import
 * worker reads the binder and the file, plans and builds the preview), the preview
 * mounted with its first pages, then applyImportSession (the snapshot and the apply in
 * the worker, the days off after it in the window). `importUiMaxTaskMs` is the longest task the window's thread ran meanwhile.
 */
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { settle, type BenchCase } from '../bench-case';
import { generateDemoPortfolio } from '../../../shared/demo/generate-demo-portfolio';
import { getDb } from '../../../renderer/data/db';
import { clearAll, readPortfolio, writePortfolio } from '../../../renderer/data/portfolio-repo';
import { emptyChoices } from '../../../renderer/features/sync/plan-view';
import { ImportPreview } from '../../../renderer/features/sync/preview';
import { applyImportSession, readForImport } from '../../../renderer/features/sync/sync-actions';
import { initI18n } from '../../../renderer/ui/i18n';
import { startJob } from '../../../renderer/workers/workbook-client';
import { defaultSettings } from '../../../shared/model/settings';

const META = { appVersion: 'bench', exportedBy: 'bench', scope: 'all', language: 'en' as const };
const DOSSIERS = 10_000;

const nextFrame = (): Promise<void> => new Promise((r) => requestAnimationFrame(() => r()));

const importUiCase: BenchCase = {
  name: 'import-ui',
  goals: { importUiMaxTaskMs: 100 },
  async run(ctx) {
    await initI18n('en');
    return ctx.withScratchDb(async () => {
      await writePortfolio(generateDemoPortfolio({ dossiers: DOSSIERS, historyPerDossier: 10, today: ctx.today, seed: 7 }));
      const bytes = (await startJob({ kind: 'write', portfolio: await readPortfolio({ kind: 'all' }), meta: META }).result).data;
      await clearAll();
      await settle();

      const host = document.createElement('div');
      host.style.cssText = 'position:fixed;inset:0;width:1366px;height:768px;';
      document.body.appendChild(host);
      const root = createRoot(host);
      const watch = ctx.watchLongTasks();
      const t0 = performance.now();
      // Where the window's long tasks fall (printed, not judged): each task and each phase's end, in ms from the start.
      const timeline: string[] = [];
      const tasks = new PerformanceObserver((l) => {
        for (const e of l.getEntries()) timeline.push(`task at ${Math.round(e.startTime - t0)} for ${Math.round(e.duration)}`);
      });
      tasks.observe({ type: 'longtask' });
      const mark = (phase: string) => timeline.push(`${phase} at ${Math.round(performance.now() - t0)}`);
      const noCancel = (): void => {};
      const { session, opened } = await readForImport(bytes, 'en', () => {}, noCancel);
      if (opened.kind !== 'preview') throw new Error(`import-ui: no preview (${opened.kind})`);
      const importUiPreviewMs = performance.now() - t0;
      mark('opened');
      // The preview as the screen shows it, until its first page is on screen.
      root.render(
        createElement(ImportPreview, {
          fileName: 'bench.xlsx', view: opened.view, onPage: session.page, errors: opened.errors, warnings: opened.warnings,
          errorCount: opened.errorCount, warningCount: opened.warningCount, lang: 'en', choices: emptyChoices(opened.view),
          onChoices: () => {}, changeCount: opened.view.changeCount, onApply: () => {}, onCancel: () => {},
        }),
      );
      while (!host.querySelector('[data-testid="preview-item"]')) await nextFrame();
      await nextFrame();
      mark('rendered');
      root.unmount();
      host.remove();
      mark('unmounted');
      // The settings as an object: the bench's workbook carries no days off to add.
      const ports = { settings: () => defaultSettings(), updateSettings: async () => {} };
      await applyImportSession(session, opened, emptyChoices(opened.view), 'bench', ports, () => {}, noCancel);
      const importUiMs = performance.now() - t0;
      mark('applied');
      tasks.disconnect();
      ctx.log(`import-ui window timeline: ${timeline.join(', ')}`);
      const importUiMaxTaskMs = await watch.stop();
      const stored = await getDb().dossiers.count();
      if (stored !== DOSSIERS) throw new Error(`import-ui: ${stored} of ${DOSSIERS} dossiers imported`);
      return { importUiMaxTaskMs: Math.round(importUiMaxTaskMs), importUiMs: Math.round(importUiMs), importUiPreviewMs: Math.round(importUiPreviewMs) };
    });
  },
};

export default importUiCase;
