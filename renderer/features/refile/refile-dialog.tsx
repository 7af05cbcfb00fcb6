import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { CONTACT_KINDS, OUTCOMES, STEP_KINDS, TIME_RE, type ContactKind, type Outcome, type StepKind } from '../../../shared/model/records';
import { getDossierView } from '../../data/dossier-repo';
import { logAndRefile } from '../../data/refile';
import { Dialog } from '../../ui/dialog';
import { formatInstant } from '../../ui/format';
import { NextDatePicker, type NextDate } from '../../ui/next-date-picker';
import { TimeField } from '../../ui/time-field';
import { useAuthor } from '../../ui/settings-context';
import { useToast } from '../../ui/toast';
import { useUndo } from '../../ui/undo';
import { folderLabel } from '../dossier/folder-label';
import './refile.css';

export interface RefileDialogProps {
  dossierId: string | null;
  open: boolean;
  onClose(): void;
  /** Called after a successful save or archive (the dialog has already asked to close). */
  onDone?(): void;
}

/** What a contact kind usually leads to next: a call is followed by a call, a meeting by a call. */
const NEXT_KIND_AFTER: Record<ContactKind, StepKind> = { call: 'call', meeting: 'call', email: 'call', letter: 'call', note: 'call' };

/**
 * The paper loop's "write what was said, take the dossier out, file it under the agreed
 * date" in one dialog: the contact (kind, outcome, summary) and the next step (folder,
 * kind, optional time) saved together by logAndRefile, so the dossier is never unfiled.
 * Ctrl+Enter saves from anywhere in the dialog; the toast offers Undo (also Ctrl+Z).
 */
export function RefileDialog({ dossierId, open, onClose, onDone }: RefileDialogProps) {
  const { t, i18n } = useTranslation('refile');
  const author = useAuthor();
  const toast = useToast();
  const undo = useUndo();
  const view = useLiveQuery(async () => (open && dossierId ? ((await getDossierView(dossierId)) ?? null) : null), [open, dossierId]);

  const [kind, setKind] = useState<ContactKind>('call');
  const [outcome, setOutcome] = useState<Outcome | ''>('reached');
  const [summary, setSummary] = useState('');
  const [next, setNext] = useState<NextDate | null>(null);
  const [nextKind, setNextKind] = useState<StepKind>('call');
  const [time, setTime] = useState('');
  const [title, setTitle] = useState('');
  const [confirmArchive, setConfirmArchive] = useState(false);
  const [showErrors, setShowErrors] = useState(false);
  const [saving, setSaving] = useState(false);
  const ids = { kind: useId(), outcome: useId(), summary: useId(), nextKind: useId(), time: useId(), title: useId() };

  // Each opening starts a fresh log entry; the next step kind follows the dossier's current one.
  useEffect(() => {
    if (!open) return;
    setKind('call');
    setOutcome('reached');
    setSummary('');
    setNext(null);
    setNextKind('call');
    setTime('');
    setTitle('');
    setConfirmArchive(false);
    setShowErrors(false);
  }, [open, dossierId]);

  const errors = {
    next: next ? undefined : t('errNext'),
    time: time !== '' && !TIME_RE.test(time) ? t('errTime') : undefined,
  };
  const company = view?.row.company ?? '';

  async function save(archive: boolean) {
    if (saving || !dossierId) return;
    if (!archive && (errors.next || errors.time)) {
      setShowErrors(true);
      return;
    }
    setSaving(true);
    try {
      await logAndRefile(
        {
          dossierId,
          entry: { kind, outcome, summary: summary.trim() },
          next: archive || !next ? null : { ...next, kind: nextKind, time: time || undefined, title: title.trim() || undefined },
        },
        author,
      );
      const message = archive ? t('archived', { company }) : t('refiled', { folder: folderLabel('date' in next! ? next.date : next!.month, i18n.language, t) });
      toast({ kind: 'success', message, onUndo: undo });
      onClose();
      onDone?.();
    } catch (err) {
      toast({ kind: 'error', message: t('common:failed', { message: err instanceof Error ? err.message : String(err) }) });
    } finally {
      setSaving(false);
    }
  }

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void save(false);
    }
  };

  const err = (msg: string | undefined) => (showErrors && msg ? <span className="field-error" role="alert">{msg}</span> : null);

  const footer = confirmArchive ? (
    <div className="rf-confirm" role="alertdialog" aria-label={t('archiveYes')}>
      <span>{t('archiveConfirm', { company })}</span>
      <button type="button" className="btn" onClick={() => setConfirmArchive(false)}>
        {t('archiveNo')}
      </button>
      <button type="button" className="btn btn-danger" autoFocus onClick={() => void save(true)} disabled={saving}>
        {t('archiveYes')}
      </button>
    </div>
  ) : (
    <>
      <button type="button" className="btn btn-link rf-archive" onClick={() => setConfirmArchive(true)}>
        {t('archive')}
      </button>
      <button type="button" className="btn" onClick={onClose}>
        {t('common:action.cancel')} <kbd>Esc</kbd>
      </button>
      {/* Disabled while no folder is chosen or the typed date names none: never the last valid one. */}
      <button type="button" className="btn btn-primary" onClick={() => void save(false)} disabled={saving || Boolean(errors.next || errors.time)} data-testid="refile-save">
        {t('save')} <kbd className="kbd-on-primary">Ctrl+Enter</kbd>
      </button>
    </>
  );

  return (
    <Dialog open={open} onClose={onClose} title={company ? `${t('title')}: ${company}` : t('title')} footer={footer} size="wide" testId="refile-dialog">
      {view === null ? (
        <p className="field-error">{t('notFound')}</p>
      ) : (
        <div className="rf" onKeyDown={onKeyDown}>
          <section className="rf-col" aria-labelledby={`${ids.kind}-h`}>
            <h3 id={`${ids.kind}-h`} className="rf-h">{t('contact')}</h3>
            {view?.row.lastSummary && (
              <p className="rf-last">
                <span className="muted">{t('lastContact')}</span> {view.row.lastContactAt && <span className="muted">{formatInstant(view.row.lastContactAt, i18n.language, { day: 'numeric', month: 'short' })} · </span>}
                {view.row.lastSummary}
              </p>
            )}
            <div className="rf-row">
              <label className="field" htmlFor={ids.kind}>
                <span>{t('kind')}</span>
                <select
                  id={ids.kind}
                  value={kind}
                  onChange={(e) => {
                    const k = e.target.value as ContactKind;
                    setKind(k);
                    setNextKind(NEXT_KIND_AFTER[k]);
                  }}
                >
                  {CONTACT_KINDS.map((k) => (
                    <option key={k} value={k}>
                      {t(`common:kind.${k}`)}
                    </option>
                  ))}
                </select>
              </label>
              <label className="field" htmlFor={ids.outcome}>
                <span>{t('outcome')}</span>
                <select id={ids.outcome} value={outcome} onChange={(e) => setOutcome(e.target.value as Outcome | '')} data-testid="refile-outcome">
                  <option value="">{t('common:outcome.none')}</option>
                  {OUTCOMES.map((o) => (
                    <option key={o} value={o}>
                      {t(`common:outcome.${o}`)}
                    </option>
                  ))}
                </select>
              </label>
            </div>
            <label className="field" htmlFor={ids.summary}>
              <span>{t('summary')}</span>
              <textarea
                id={ids.summary}
                className="rf-summary"
                rows={6}
                autoFocus
                value={summary}
                placeholder={t('summaryPlaceholder')}
                onChange={(e) => setSummary(e.target.value)}
                data-testid="refile-summary"
              />
            </label>
          </section>
          <section className="rf-col" aria-labelledby={`${ids.nextKind}-h`}>
            <h3 id={`${ids.nextKind}-h`} className="rf-h">{t('next')}</h3>
            <NextDatePicker value={next} onChange={setNext} />
            {err(errors.next)}
            <p className="rf-hint">{t('pickerHint')}</p>
            <div className="rf-row">
              <label className="field" htmlFor={ids.nextKind}>
                <span>{t('nextKind')}</span>
                <select id={ids.nextKind} value={nextKind} onChange={(e) => setNextKind(e.target.value as StepKind)}>
                  {STEP_KINDS.map((k) => (
                    <option key={k} value={k}>
                      {t(`common:kind.${k}`)}
                    </option>
                  ))}
                </select>
              </label>
              <label className="field rf-time" htmlFor={ids.time}>
                <span>{t('time')}</span>
                <TimeField id={ids.time} value={time} onChange={setTime} showError={showErrors} testId="refile-time" />
              </label>
              <label className="field rf-title" htmlFor={ids.title}>
                <span>{t('stepTitle')}</span>
                <input id={ids.title} className="input" value={title} placeholder={t('stepTitlePlaceholder')} onChange={(e) => setTitle(e.target.value)} />
              </label>
            </div>
          </section>
        </div>
      )}
    </Dialog>
  );
}
