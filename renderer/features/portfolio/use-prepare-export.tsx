import { useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Portfolio } from '../../../shared/model/records';
import { getBridge } from '../../bridge';
import { useAuthor } from '../../ui/settings-context';
import { useToast } from '../../ui/toast';
import { JobCancelled } from '../../workers/workbook-client';
import { exportMeta, writeWorkbook, XLSX_FILTERS, type Lang } from '../sync/sync-actions';

/** One workbook the lead prepared: its records, the scope its meta sheet names, the file name offered. */
export interface PreparedWorkbook {
  portfolio: Portfolio;
  scope: string;
  name: string;
}

export interface PrepareExport {
  /** While writing: which file of how many. */
  progress: { at: number; of: number; name: string } | null;
  /** The last failure, in the UI language; cleared by the next run. */
  error: string;
  /**
   * Writes and saves the files one by one; how many were saved (a save declined or a
   * cancel stops there: the files before it are written and stay so). The success toast
   * names every file saved.
   */
  run(files: readonly PreparedWorkbook[], done: (paths: string) => string): Promise<number>;
  /** Escape or Cancel: stops the running write, or closes when nothing runs. */
  cancelOr(close: () => void): void;
}

/**
 * The prepare dialogs' one flow (handover and reassignment alike): write each workbook on
 * the worker with the Excel screen's writer, offer it to save under its own name, say where
 * the files went, and keep an error or a cancel in the dialog in the UI language.
 */
export function usePrepareExport(): PrepareExport {
  const { t, i18n } = useTranslation('portfolio');
  const author = useAuthor();
  const toast = useToast();
  const [progress, setProgress] = useState<PrepareExport['progress']>(null);
  const [error, setError] = useState('');
  const cancel = useRef<{ job?: () => void; asked: boolean } | null>(null);

  const run: PrepareExport['run'] = async (files, done) => {
    setError('');
    const state: { job?: () => void; asked: boolean } = { asked: false };
    cancel.current = state;
    const saved: string[] = [];
    try {
      for (const [i, f] of files.entries()) {
        if (state.asked) throw new JobCancelled();
        setProgress({ at: i, of: files.length, name: f.name });
        const meta = await exportMeta(author, i18n.language as Lang, f.scope);
        const data = await writeWorkbook(f.portfolio, meta, () => {}, (c) => (state.job = c));
        if (state.asked) throw new JobCancelled();
        const r = await getBridge().saveFile({ suggestedName: f.name, data, filters: XLSX_FILTERS });
        if (!r.saved) break;
        saved.push(r.path ?? f.name);
      }
    } catch (err) {
      if (err instanceof JobCancelled) setError(t('team.cancelled', { count: saved.length }));
      else {
        console.error('team prepare', err);
        setError(t('team.failed', { message: err instanceof Error ? err.message : String(err) }));
      }
    } finally {
      cancel.current = null;
      setProgress(null);
    }
    if (saved.length) toast({ kind: 'success', message: done(saved.join(', ')) });
    return saved.length;
  };

  const cancelOr = (close: () => void) => {
    const c = cancel.current;
    if (!c) return close();
    c.asked = true;
    c.job?.();
  };

  return { progress, error, run, cancelOr };
}

/** The flow's progress (file n of m, the bar) and its error, inside the dialog's body. */
export function PrepareStatus({ flow }: { flow: PrepareExport }) {
  const { t } = useTranslation('portfolio');
  const p = flow.progress;
  return (
    <>
      {p && (
        <div className="pf-prepare-progress" role="status" data-testid="team-prepare-progress">
          <span>{t('team.writing', { at: p.at + 1, of: p.of, name: p.name })}</span>
          <progress max={p.of} value={p.at} aria-label={t('team.writing', { at: p.at + 1, of: p.of, name: p.name })} />
        </div>
      )}
      {flow.error && <p className="pf-problem" role="alert" data-testid="team-prepare-error">{flow.error}</p>}
    </>
  );
}

/** The dialogs' footer: Cancel (which stops a running write first) and the run button. */
export function PrepareFooter({ flow, onClose, onRun, disabled, testId, children }: { flow: PrepareExport; onClose(): void; onRun(): void; disabled?: boolean; testId: string; children: ReactNode }) {
  const { t } = useTranslation('portfolio');
  return (
    <>
      <button className="btn" onClick={() => flow.cancelOr(onClose)}>{t('common:action.cancel')}</button>
      <button className="btn btn-primary" onClick={onRun} disabled={disabled || !!flow.progress} data-testid={testId}>
        {flow.progress ? t('sync:export.writing') : children}
      </button>
    </>
  );
}
