import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isMonthKey, stepKey } from '../../../shared/model/filing';
import { STEP_KINDS, TIME_RE, type Step, type StepKind } from '../../../shared/model/records';
import { addStep, deleteStep, reactivateDossier, updateStep } from '../../data/dossier-repo';
import { moveStep } from '../../data/refile';
import { DataError, type NextPlan } from '../../data/types';
import { todayKey } from '../../ui/clock';
import { Dialog } from '../../ui/dialog';
import { formatInstant } from '../../ui/format';
import { NextDatePicker, type NextDate } from '../../ui/next-date-picker';
import { TimeField } from '../../ui/time-field';
import { useAuthor } from '../../ui/settings-context';
import { RefusedSave } from '../../ui/refused-save';
import { useToast } from '../../ui/toast';
import { useUndo } from '../../ui/undo';
import { folderLabel } from './folder-label';

/** Plain text symbols (no emoji): they render in every system font, on any laptop. */
export const KIND_ICON: Record<string, string> = { call: '☎', meeting: '◉', email: '✉', letter: '✉', task: '✓', payment: '¤', note: '✎' };

/** What the step dialog is doing: adding, moving an existing step, or bringing an archived dossier back. */
export type StepDialogMode = { kind: 'add' } | { kind: 'edit'; step: Step } | { kind: 'reactivate' };

/**
 * Planned work of the dossier: open steps in filing order (the first is where the dossier
 * sits), with change date, done and delete; the last few done steps greyed below.
 */
export function StepsSection({ steps, onOpenDialog, readOnly = false }: { steps: Step[]; onOpenDialog(m: StepDialogMode): void; readOnly?: boolean }) {
  const { t, i18n } = useTranslation('dossier');
  const lang = i18n.language;
  const author = useAuthor();
  const toast = useToast();
  const open = steps.filter((s) => !s.done);
  const done = steps.filter((s) => s.done).slice(0, 3);
  const today = todayKey();

  const fail = (err: unknown) =>
    toast({ kind: 'error', message: err instanceof DataError && err.code === 'last-open-step' ? t('steps.lastOpen') : t('screen.failed', { message: err instanceof Error ? err.message : String(err) }) });

  const complete = async (s: Step) => {
    // Completing the only open step would unfile the dossier: that is what Log & refile is for.
    if (open.length === 1) return toast({ message: t('steps.lastOpen') });
    try {
      await updateStep(s, { done: true }, author);
      toast({ message: t('steps.done'), onUndo: () => updateStep(s, { done: false }, author).then(() => undefined) });
    } catch (err) {
      fail(err);
    }
  };

  const remove = async (s: Step) => {
    if (open.length === 1 && !s.done) return toast({ message: t('steps.lastOpen') });
    try {
      await deleteStep(s, author);
      const key = stepKey(s);
      toast({
        message: t('steps.deleted'),
        onUndo: key ? () => addStep(s.dossierId, { ...(isMonthKey(key) ? { month: key } : { date: key }), kind: s.kind, time: s.time, title: s.title }, author).then(() => undefined) : undefined,
      });
    } catch (err) {
      fail(err);
    }
  };

  return (
    <section className="ds-panel" aria-label={t('steps.title')}>
      <header className="ds-panel-head">
        <h2>{t('steps.title')}</h2>
        {!readOnly && <button className="btn btn-link" onClick={() => onOpenDialog({ kind: 'add' })}>+ {t('steps.add')}</button>}
      </header>
      {open.length === 0 && <p className="ds-empty">{t('steps.empty')}</p>}
      <ul className="ds-steps">
        {open.map((s) => {
          const key = stepKey(s) ?? '';
          const overdue = !isMonthKey(key) && key < today;
          return (
            <li key={s.id} className="ds-step" data-testid="step">
              <span className="ds-kind" aria-hidden>{KIND_ICON[s.kind]}</span>
              <span className={`ds-step-when${overdue ? ' ds-overdue' : ''}`}>
                {folderLabel(key, lang, t)}
                {s.time && <span className="ds-time"> {s.time}</span>}
              </span>
              <span className="ds-step-what">
                {t(`common:kind.${s.kind}`)}
                {s.title && <span className="ds-muted"> · {s.title}</span>}
              </span>
              {!readOnly && (
                <span className="ds-step-actions">
                  <button className="btn btn-link ds-small" onClick={() => onOpenDialog({ kind: 'edit', step: s })}>{t('steps.change')}</button>
                  <button className="btn btn-icon" title={t('steps.complete')} aria-label={t('steps.complete')} onClick={() => void complete(s)}>✓</button>
                  <button className="btn btn-icon" title={t('steps.delete')} aria-label={t('steps.delete')} onClick={() => void remove(s)}>×</button>
                </span>
              )}
            </li>
          );
        })}
        {done.map((s) => (
          <li key={s.id} className="ds-step is-done">
            <span className="ds-kind" aria-hidden>{KIND_ICON[s.kind]}</span>
            <span className="ds-step-when">{folderLabel(stepKey(s) ?? '', lang, t)}</span>
            <span className="ds-step-what">
              {/* Closed without a done time: the other side's date was kept in an import. */}
              {t(`common:kind.${s.kind}`)} · {s.doneAt ? `${t('steps.done')} ${formatInstant(s.doneAt, lang, { day: 'numeric', month: 'short' })}` : t('steps.notKept')}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** One dialog for adding a step, moving a step, and reactivating an archived dossier. */
export function StepDialog({ mode, dossierId, company, onClose }: { mode: StepDialogMode | null; dossierId: string; company: string; onClose(): void }) {
  const { t, i18n } = useTranslation('dossier');
  const author = useAuthor();
  const toast = useToast();
  const undo = useUndo();
  const [kind, setKind] = useState<StepKind>('call');
  const [next, setNext] = useState<NextDate | null>(null);
  const [time, setTime] = useState('');
  const [title, setTitle] = useState('');
  const [showErrors, setShowErrors] = useState(false);

  useEffect(() => {
    if (!mode) return;
    const s = mode.kind === 'edit' ? mode.step : undefined;
    setKind(s?.kind ?? 'call');
    setNext(s ? (s.month ? { month: s.month } : { date: s.date }) : null);
    setTime(s?.time ?? '');
    setTitle(s?.title ?? '');
    setShowErrors(false);
  }, [mode]);

  const timeError = time !== '' && !TIME_RE.test(time) ? t('new.errTime') : undefined;
  const save = async () => {
    if (!mode) return;
    if (!next || timeError) return setShowErrors(true);
    const folder = folderLabel('date' in next ? next.date : next.month, i18n.language, t);
    const dayTime = 'date' in next ? time : '';
    try {
      if (mode.kind === 'edit') {
        await moveStep(mode.step, { ...next, time: dayTime }, author);
        if (mode.step.kind !== kind || mode.step.title !== title) await updateStep(mode.step, { kind, title }, author);
        toast({ message: t('steps.moved', { company, folder }), onUndo: undo });
      } else {
        const plan: NextPlan = { ...next, kind, time: dayTime, title: title.trim() };
        if (mode.kind === 'add') {
          await addStep(dossierId, plan, author);
          toast({ kind: 'success', message: t('steps.added', { folder }) });
        } else {
          await reactivateDossier(dossierId, plan, author);
          toast({ message: t('screen.reactivatedToast', { company }), onUndo: undo });
        }
      }
      onClose();
    } catch (err) {
      toast({ kind: 'error', message: t('screen.failed', { message: err instanceof Error ? err.message : String(err) }) });
    }
  };

  const title_ = mode?.kind === 'edit' ? t('steps.editTitle') : mode?.kind === 'reactivate' ? t('screen.reactivateTitle') : t('steps.addTitle');
  return (
    <Dialog
      open={mode !== null}
      onClose={onClose}
      title={title_}
      size="wide"
      testId="step-dialog"
      footer={
        <>
          <RefusedSave shown={showErrors} reasons={[next ? undefined : t('new.errDate'), timeError]} />
          <button className="btn" onClick={onClose}>{t('common:action.cancel')}</button>
          <button className="btn btn-primary" onClick={() => void save()} disabled={!next || Boolean(timeError)} data-testid="step-save">{t('common:action.save')} <kbd>Ctrl+Enter</kbd></button>
        </>
      }
    >
      <div
        className="ds-step-form"
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            void save();
          }
        }}
      >
        <div className="ds-step-form-row">
          <label className="field">
            <span>{t('steps.kind')}</span>
            <select value={kind} onChange={(e) => setKind(e.target.value as StepKind)}>
              {STEP_KINDS.map((k) => (
                <option key={k} value={k}>{t(`common:kind.${k}`)}</option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t('steps.time')}</span>
            <TimeField value={time} onChange={setTime} showError={showErrors} testId="step-time" />
          </label>
          <label className="field ds-grow">
            <span>{t('steps.what')}</span>
            <input className="input" value={title} onChange={(e) => setTitle(e.target.value)} />
          </label>
        </div>
        <NextDatePicker value={next} onChange={setNext} autoFocus />
        {showErrors && !next && <span className="field-error" role="alert">{t('new.errDate')}</span>}
      </div>
    </Dialog>
  );
}
