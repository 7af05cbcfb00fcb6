import { addDays } from 'date-fns';
import { memo, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SEGMENTS, STEP_KINDS, TIME_RE, type Segment, type StepKind } from '../../../shared/model/records';
import { createDossier, createDossiers } from '../../data/dossier-repo';
import { now, todayKey } from '../../ui/clock';
import { Dialog } from '../../ui/dialog';
import { NextDatePicker, type NextDate } from '../../ui/next-date-picker';
import { TimeField } from '../../ui/time-field';
import { navigate } from '../../ui/router';
import { useAuthor } from '../../ui/settings-context';
import { RefusedSave } from '../../ui/refused-save';
import { useToast } from '../../ui/toast';
import { useUndo } from '../../ui/undo';
import { folderLabel } from './folder-label';
import { toNewDossierInput, type QuickClient } from './new-dossier-input';
import { PastePanel, usePasteReview } from './paste-panel';
import { skipKey, type ReviewedLine } from './paste-review';
import { taxIdVerdict } from './tax-id-hint';
import './new-dossier.css';

export interface NewDossierDialogProps {
  open: boolean;
  onClose(): void;
  /** Day folder to file into ('YYYY-MM-DD'); tomorrow when absent (prospecting is for tomorrow). */
  defaultDate?: string;
  defaultTime?: string;
  defaultKind?: StepKind;
}

/** Typing a company name must not re-render the picker (it reads folder counts) on every key. */
const Picker = memo(NextDatePicker);

const EMPTY_CLIENT: QuickClient = { company: '', contactName: '', phone: '', email: '', taxId: '', segment: '' };

const keyOf = (n: NextDate): string => ('date' in n ? n.date : n.month);

/** Ctrl+Enter (Cmd+Enter on a Mac keyboard) with or without Shift. */
function submitChord(e: KeyboardEvent): 'save' | 'save-next' | undefined {
  if (e.key !== 'Enter' || !(e.ctrlKey || e.metaKey)) return undefined;
  return e.shiftKey ? 'save-next' : 'save';
}

/**
 * Quick entry of new clients, built for scenario 3 (prepare tomorrow's 20 new calls):
 * Shift+Ctrl+Enter saves and clears the form with the focus back on Company while the
 * folder, step kind and time stay, and a counter shows how many went into that folder.
 * The paste tab files a whole list copied from a spreadsheet in one transaction.
 */
export function NewDossierDialog({ open, onClose, defaultDate, defaultTime, defaultKind }: NewDossierDialogProps) {
  const { t, i18n } = useTranslation('dossier');
  const author = useAuthor();
  const toast = useToast();
  const undo = useUndo();
  const initialNext = (): NextDate => ({ date: defaultDate ?? todayKey(addDays(now(), 1)) });

  const [tab, setTab] = useState<'one' | 'paste'>('one');
  const [client, setClient] = useState<QuickClient>(EMPTY_CLIENT);
  const [kind, setKind] = useState<StepKind>(defaultKind ?? 'call');
  const [next, setNext] = useState<NextDate | null>(initialNext);
  const [time, setTime] = useState(defaultTime ?? '');
  const [showErrors, setShowErrors] = useState(false);
  const [saving, setSaving] = useState(false);
  const [addedPerFolder, setAddedPerFolder] = useState<Record<string, number>>({});
  const [pasteText, setPasteText] = useState('');
  const [pasteSkips, setPasteSkips] = useState<ReadonlySet<string>>(new Set());
  const companyRef = useRef<HTMLInputElement>(null);

  // Each opening starts clean, with the caller's folder (the Binder passes the folder on screen).
  useEffect(() => {
    if (!open) return;
    setTab('one');
    setClient(EMPTY_CLIENT);
    setKind(defaultKind ?? 'call');
    setNext(initialNext());
    setTime(defaultTime ?? '');
    setShowErrors(false);
    setAddedPerFolder({});
    setPasteText('');
    setPasteSkips(new Set());
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);

  // Dialog mounts its content once open, so autoFocus works on open; switching back to the
  // one-by-one tab focuses Company again.
  useEffect(() => {
    if (open && tab === 'one') companyRef.current?.focus();
  }, [open, tab]);

  const tax = taxIdVerdict(client.taxId, t);
  const errors = {
    company: client.company.trim() === '' ? t('new.errCompany') : undefined,
    taxId: tax.error,
    email: client.email.trim() !== '' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(client.email.trim()) ? t('new.errEmail') : undefined,
    next: next ? undefined : t('new.errDate'),
    time: time !== '' && !TIME_RE.test(time) ? t('new.errTime') : undefined,
  };
  const stepErrors = Boolean(errors.next || errors.time);
  const valid = !Object.values(errors).some(Boolean);
  const lang = i18n.language;
  // Built only while open: the calendar and the binder keep this dialog mounted, closed.
  const folder = open && next ? folderLabel(keyOf(next), lang, t) : '';
  const addedHere = next ? (addedPerFolder[keyOf(next)] ?? 0) : 0;

  const set = (field: keyof QuickClient) => (e: { target: { value: string } }) =>
    setClient((c) => ({ ...c, [field]: e.target.value }));

  async function saveOne(andNext: boolean) {
    if (saving) return;
    if (!valid || !next) {
      setShowErrors(true);
      return;
    }
    setSaving(true);
    try {
      const id = await createDossier(toNewDossierInput(client, { kind, next, time }, author), author);
      const key = keyOf(next);
      if (andNext) {
        setAddedPerFolder((m) => ({ ...m, [key]: (m[key] ?? 0) + 1 }));
        setClient(EMPTY_CLIENT);
        setShowErrors(false);
        companyRef.current?.focus();
      } else {
        toast({ kind: 'success', message: t('new.saved', { company: client.company.trim(), folder }) });
        onClose();
        navigate('dossier', id);
      }
    } catch (err) {
      toast({ kind: 'error', message: t('new.failed', { message: err instanceof Error ? err.message : String(err) }) });
    } finally {
      setSaving(false);
    }
  }

  const review = usePasteReview(pasteText, pasteSkips);
  const pasteBlocked = review.toAdd.length === 0 || review.unresolved.length > 0;
  const toggleSkip = (l: ReviewedLine) =>
    setPasteSkips((s) => {
      const k = skipKey(l.client.line, l.client.text);
      const n = new Set(s);
      if (!n.delete(k)) n.add(k);
      return n;
    });

  async function savePasted() {
    if (saving || !next || stepErrors || pasteBlocked) {
      setShowErrors(true);
      return;
    }
    setSaving(true);
    try {
      const inputs = review.toAdd.map((c) => toNewDossierInput({ ...c, segment: '' }, { kind, next, time }, author));
      await createDossiers(inputs, author);
      // The batch is one undo entry: Undo here (or Ctrl+Z) takes all of it back out.
      toast({ kind: 'success', message: t('new.pasteAdded', { count: inputs.length, folder }), onUndo: undo });
      onClose();
    } catch (err) {
      toast({ kind: 'error', message: t('new.failed', { message: err instanceof Error ? err.message : String(err) }) });
    } finally {
      setSaving(false);
    }
  }

  const onKeyDown = (e: KeyboardEvent) => {
    const chord = submitChord(e);
    if (!chord) return;
    e.preventDefault();
    if (tab === 'paste') void savePasted();
    else void saveOne(chord === 'save-next');
  };

  const err = (msg: string | undefined) => (showErrors && msg ? <span className="field-error" role="alert">{msg}</span> : null);

  const kindField = (
    <label className="field">
      <span>{t('new.nextStep')}</span>
      <select value={kind} onChange={(e) => setKind(e.target.value as StepKind)}>
        {STEP_KINDS.map((k) => (
          <option key={k} value={k}>{t(`common:kind.${k}`)}</option>
        ))}
      </select>
    </label>
  );
  const timeField = (
    <label className="field">
      <span>{t('new.time')}</span>
      <TimeField value={time} onChange={setTime} showError={showErrors} testId="nd-time" />
    </label>
  );
  const pickerField = (
    <div className="field nd-wide nd-picker">
      <span>{t('new.date')}</span>
      <Picker value={next} onChange={setNext} />
      {err(errors.next)}
    </div>
  );

  const footer =
    tab === 'one' ? (
      <>
        <RefusedSave shown={showErrors} reasons={[errors.company, errors.email, errors.taxId && `${t('new.taxId')}: ${errors.taxId}`, errors.next, errors.time]} />
        <button className="btn" onClick={onClose}>{t('common:action.cancel')}</button>
        <button className="btn" onClick={() => void saveOne(true)} disabled={saving || stepErrors}>
          {t('new.saveNext')} <kbd>Shift+Ctrl+Enter</kbd>
        </button>
        <button className="btn btn-primary" onClick={() => void saveOne(false)} disabled={saving || stepErrors} data-testid="nd-save">
          {t('new.save')} <kbd>Ctrl+Enter</kbd>
        </button>
      </>
    ) : (
      <>
        <button className="btn" onClick={onClose}>{t('common:action.cancel')}</button>
        <button
          className="btn btn-primary"
          onClick={() => void savePasted()}
          disabled={saving || stepErrors || pasteBlocked}
          title={review.unresolved.length > 0 ? t('paste.resolveFirst', { lines: review.unresolved.map((l) => l.client.line).join(', ') }) : undefined}
        >
          {t('new.pasteAdd', { count: review.toAdd.length })} <kbd>Ctrl+Enter</kbd>
        </button>
      </>
    );

  return (
    <Dialog open={open} onClose={onClose} title={t('new.title')} footer={footer} size="wide" testId="new-dossier-dialog">
      <div onKeyDown={onKeyDown}>
        <div className="nd-tabs">
          <div role="tablist" className="nd-tablist">
            <button role="tab" aria-selected={tab === 'one'} onClick={() => setTab('one')}>{t('new.tabOne')}</button>
            <button role="tab" aria-selected={tab === 'paste'} onClick={() => setTab('paste')}>{t('new.tabPaste')}</button>
          </div>
          {/* How many went into this folder so far: the progress of "prepare tomorrow's 20 calls". */}
          <span className="nd-counter" data-testid="nd-counter" aria-live="polite">
            {tab === 'one' && addedHere > 0 ? `✓ ${t('new.added', { count: addedHere, folder })}` : ''}
          </span>
        </div>
        {tab === 'one' ? (
          <form className="nd-grid" onSubmit={(e) => { e.preventDefault(); void saveOne(false); }} noValidate>
            <label className="field nd-span2">
              <span>{t('new.company')} *</span>
              <input ref={companyRef} autoFocus className="input" value={client.company} onChange={set('company')} aria-invalid={showErrors && !!errors.company} />
              {err(errors.company)}
            </label>
            <label className="field">
              <span>{t('new.contactName')}</span>
              <input className="input" value={client.contactName} onChange={set('contactName')} />
            </label>
            <label className="field">
              <span>{t('new.phone')}</span>
              <input className="input" type="tel" value={client.phone} onChange={set('phone')} />
            </label>
            <label className="field">
              <span>{t('new.email')}</span>
              <input className="input" type="email" value={client.email} onChange={set('email')} />
              {err(errors.email)}
            </label>
            <label className="field">
              <span>{t('new.taxId')}</span>
              <input className="input" inputMode="numeric" value={client.taxId} onChange={set('taxId')} aria-invalid={!!tax.error} />
              {/* The INN verdict shows as soon as there are enough digits, not only on save. */}
              {tax.error && (showErrors || client.taxId.replace(/\s/g, '').length >= 10) ? (
                <span className="field-error" role="alert">{tax.error}</span>
              ) : tax.ok ? (
                <span className="nd-ok">✓ {tax.ok}</span>
              ) : null}
            </label>
            <label className="field">
              <span>{t('new.segment')}</span>
              <select value={client.segment} onChange={(e) => setClient((c) => ({ ...c, segment: e.target.value as Segment | '' }))}>
                <option value="">{t('segment.none')}</option>
                {SEGMENTS.map((s) => (
                  <option key={s} value={s}>{t(`segment.${s}`)}</option>
                ))}
              </select>
            </label>
            {kindField}
            {timeField}
            {pickerField}
          </form>
        ) : (
          <PastePanel text={pasteText} onText={setPasteText} review={review} onToggleSkip={toggleSkip} target={next}>
            {kindField}
            {timeField}
            {pickerField}
          </PastePanel>
        )}
      </div>
    </Dialog>
  );
}
