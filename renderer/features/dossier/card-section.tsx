import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { updateDossier } from '../../data/dossier-repo';
import type { DossierPatch, DossierSummary } from '../../data/types';
import { focusFirstInvalid, RefusedSave } from '../../ui/refused-save';
import { useToday } from '../../ui/clock';
import { useAuthor, useSettings } from '../../ui/settings-context';
import { useToast } from '../../ui/toast';
import { profileDraftOf, profileErrors, profilePatchOf, type ProfileDraft } from './profile-draft';
import { ProfileForm, ProfileRows } from './profile-fields';
import { taxIdVerdict } from './tax-id-hint';

/** The card as edited: plain strings, tags and own fields as editable rows. */
interface Draft {
  company: string;
  taxId: string;
  industry: string;
  territory: string;
  profile: ProfileDraft;
  owner: string;
  tags: string;
  custom: { key: string; value: string }[];
  notes: string;
}

function draftOf(row: DossierSummary): Draft {
  return {
    company: row.company,
    taxId: row.taxId,
    industry: row.industry,
    territory: row.territory,
    profile: profileDraftOf(row),
    owner: row.owner,
    tags: row.tags.join(', '),
    custom: Object.entries(row.customFields).map(([key, value]) => ({ key, value })),
    notes: row.notes,
  };
}

function patchOf(d: Draft): DossierPatch {
  const customFields: Record<string, string> = {};
  for (const { key, value } of d.custom) if (key.trim()) customFields[key.trim()] = value.trim();
  return {
    company: d.company.trim(),
    taxId: d.taxId.replace(/\s+/g, ''),
    industry: d.industry.trim(),
    territory: d.territory.trim(),
    ...profilePatchOf(d.profile),
    owner: d.owner.trim(),
    tags: [...new Set(d.tags.split(',').map((x) => x.trim()).filter(Boolean))],
    customFields,
    notes: d.notes,
  };
}

/** A field the card can start editing at: the draft's own, or one of the profile's. */
export type CardField = Exclude<keyof Draft, 'profile'> | 'segment' | 'annualRevenue' | 'headcount' | 'okved' | 'registeredOn' | 'vip';

/**
 * The information card: read as a dense label/value sheet; E (or a click on a value) turns
 * it into a form. Enter or Ctrl+S saves (in the notes Enter is a new line), Esc cancels.
 * `readOnly` (another manager's workbook in the team view): the same sheet, values as text.
 */
export function CardSection({
  row,
  editing,
  focusField,
  onEditingChange,
  readOnly = false,
}: {
  row: DossierSummary;
  editing: boolean;
  focusField?: CardField;
  onEditingChange(editing: boolean, field?: CardField): void;
  readOnly?: boolean;
}) {
  const { t } = useTranslation('dossier');
  const author = useAuthor();
  const toast = useToast();
  const { settings } = useSettings();
  const today = useToday();
  const [draft, setDraft] = useState<Draft>(() => draftOf(row));
  const [showErrors, setShowErrors] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  // Each edit starts from the stored card (a refile elsewhere may have changed it).
  useEffect(() => {
    if (!editing) return;
    setDraft(draftOf(row));
    setShowErrors(false);
    // Focus the field that was clicked, else the first one.
    requestAnimationFrame(() => {
      const el = formRef.current?.querySelector<HTMLElement>(`[name="${focusField ?? 'company'}"]`);
      el?.focus();
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [editing]);

  const tax = taxIdVerdict(editing ? draft.taxId : row.taxId, t);
  // An INN already on the card (e.g. a list import kept it as typed) is a warning, never a
  // lock on the rest of the card; only a newly typed wrong INN stops the save.
  const keptAsTyped = draft.taxId.replace(/\s+/g, '') === row.taxId.replace(/\s+/g, '');
  const keys = draft.custom.map((c) => c.key.trim()).filter(Boolean);
  const errors = {
    company: draft.company.trim() === '' ? t('new.errCompany') : undefined,
    taxId: keptAsTyped ? undefined : tax.error,
    custom: new Set(keys).size !== keys.length ? t('card.dupField') : undefined,
  };
  const profileErr = profileErrors(draft.profile, today);
  const profileBlocked = Object.keys(profileErr).length > 0;

  const save = async () => {
    if (errors.company || errors.taxId || errors.custom || profileBlocked) {
      setShowErrors(true);
      focusFirstInvalid(formRef.current);
      return;
    }
    try {
      await updateDossier(row.id, patchOf(draft), author);
      onEditingChange(false);
    } catch (err) {
      toast({ kind: 'error', message: t('screen.failed', { message: err instanceof Error ? err.message : String(err) }) });
    }
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const ctrl = e.ctrlKey || e.metaKey;
    if ((ctrl && (e.code === 'KeyS' || e.key === 'Enter')) || (e.key === 'Enter' && !ctrl && !(e.target instanceof HTMLTextAreaElement) && !(e.target instanceof HTMLButtonElement))) {
      e.preventDefault();
      e.stopPropagation();
      void save();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onEditingChange(false);
    }
  };

  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setDraft((d) => ({ ...d, [k]: v }));
  const text = (k: 'company' | 'taxId' | 'industry' | 'territory' | 'owner' | 'tags', extra?: object) => (
    <input className="input" name={k} value={draft[k]} onChange={(e) => set(k, e.target.value)} aria-invalid={showErrors && !!errors[k as keyof typeof errors]} {...extra} />
  );

  if (!editing || readOnly) {
    const value = (field: CardField, content: ReactNode) => (
      <dd>
        <ReadOrEdit readOnly={readOnly} onEdit={() => onEditingChange(true, field)} title={t('screen.edit')}>
          {content || <span className="ds-dash">—</span>}
        </ReadOrEdit>
      </dd>
    );
    const custom = Object.entries(row.customFields);
    return (
      <section className="ds-panel ds-card" aria-label={t('card.title')}>
        <dl className="ds-fields">
          <dt>{t('card.taxId')}</dt>
          {value(
            'taxId',
            row.taxId && (
              <>
                <span className="ds-mono">{row.taxId}</span>{' '}
                {tax.ok ? (
                  <span className="ds-ok" title={tax.ok}>✓</span>
                ) : (
                  <span className="ds-warn" data-testid="taxid-warning">⚠ {tax.error}<small>{t('taxId.keptAsTyped')}</small></span>
                )}
              </>
            ),
          )}
          <ProfileRows row={row} today={today} currency={settings.currency} thresholds={settings.segmentThresholds} value={value} />
          <dt>{t('card.industry')}</dt>
          {value('industry', row.industry)}
          <dt>{t('card.territory')}</dt>
          {value('territory', row.territory)}
          <dt>{t('card.owner')}</dt>
          {value('owner', row.owner)}
          <dt>{t('card.tags')}</dt>
          {value('tags', row.tags.length > 0 && row.tags.map((tag) => <span key={tag} className="badge ds-tag">{tag}</span>))}
          {custom.map(([k, v]) => (
            <FieldPair key={k} label={k} readOnly={readOnly} onEdit={() => onEditingChange(true, 'custom')} value={v} />
          ))}
        </dl>
        <div className="ds-notes">
          <h3>{t('card.notes')}</h3>
          <ReadOrEdit readOnly={readOnly} className="ds-notes-text" onEdit={() => onEditingChange(true, 'notes')}>
            {/* The empty note's hint names the E key, which a read-only card does not offer. */}
            {row.notes || <span className="ds-dash">{readOnly ? '—' : t('card.notesEmpty')}</span>}
          </ReadOrEdit>
        </div>
      </section>
    );
  }

  const err = (m?: string) => (showErrors && m ? <span className="field-error" role="alert">{m}</span> : null);
  return (
    <section className="ds-panel ds-card is-editing" aria-label={t('card.title')}>
      <form ref={formRef} className="ds-form" onKeyDown={onKeyDown} onSubmit={(e) => { e.preventDefault(); void save(); }} noValidate>
        <label className="field ds-span2">
          <span>{t('card.company')} *</span>
          {text('company')}
          {err(errors.company)}
        </label>
        <label className="field">
          <span>{t('card.taxId')}</span>
          {text('taxId', { inputMode: 'numeric', 'aria-invalid': !!errors.taxId })}
          {errors.taxId ? (
            <span className="field-error" role="alert">{errors.taxId}</span>
          ) : tax.error ? (
            <span className="field-warning ds-warn" data-testid="taxid-warning">⚠ {tax.error}<small>{t('taxId.keptAsTyped')}</small></span>
          ) : tax.ok ? (
            <span className="nd-ok">✓ {tax.ok}</span>
          ) : null}
        </label>
        <label className="field">
          <span>{t('card.industry')}</span>
          {text('industry')}
        </label>
        <label className="field">
          <span>{t('card.territory')}</span>
          {text('territory')}
        </label>
        <label className="field">
          <span>{t('card.owner')}</span>
          {text('owner')}
        </label>
        <label className="field ds-span2">
          <span>{t('card.tags')} <small>({t('card.tagsHint')})</small></span>
          {text('tags')}
        </label>
        <ProfileForm draft={draft.profile} onChange={(p) => set('profile', p)} errors={profileErr} showErrors={showErrors} thresholds={settings.segmentThresholds} offerBare={row.vip && !(row.vipCriteria ?? []).length} />
        <fieldset className="ds-custom ds-span2">
          <legend>{t('card.custom')}</legend>
          {draft.custom.map((c, i) => (
            <div key={i} className="ds-custom-row">
              <input
                className="input"
                name={i === 0 ? 'custom' : undefined}
                placeholder={t('card.fieldName')}
                aria-label={t('card.fieldName')}
                value={c.key}
                onChange={(e) => set('custom', draft.custom.map((x, j) => (j === i ? { ...x, key: e.target.value } : x)))}
              />
              <input
                className="input"
                placeholder={t('card.fieldValue')}
                aria-label={t('card.fieldValue')}
                value={c.value}
                onChange={(e) => set('custom', draft.custom.map((x, j) => (j === i ? { ...x, value: e.target.value } : x)))}
              />
              <button type="button" className="btn btn-icon" aria-label={t('card.removeField')} onClick={() => set('custom', draft.custom.filter((_, j) => j !== i))}>×</button>
            </div>
          ))}
          <button type="button" className="btn btn-link" name={draft.custom.length === 0 ? 'custom' : undefined} onClick={() => set('custom', [...draft.custom, { key: '', value: '' }])}>
            + {t('card.addField')}
          </button>
          {err(errors.custom)}
        </fieldset>
        <label className="field ds-wide">
          <span>{t('card.notes')}</span>
          <textarea name="notes" className="input" rows={4} value={draft.notes} onChange={(e) => set('notes', e.target.value)} />
        </label>
        <div className="ds-wide">
          <RefusedSave shown={showErrors} reasons={[errors.company, errors.taxId && `${t('card.taxId')}: ${errors.taxId}`, errors.custom, profileBlocked ? t('profile.refused') : undefined]} />
        </div>
        <div className="ds-form-actions ds-wide">
          <span className="ds-hint">{t('card.editHint')}</span>
          <button type="button" className="btn" onClick={() => onEditingChange(false)}>{t('common:action.cancel')} <kbd>Esc</kbd></button>
          <button type="submit" className="btn btn-primary">{t('common:action.save')} <kbd>Ctrl+S</kbd></button>
        </div>
      </form>
    </section>
  );
}

function FieldPair({ label, value, onEdit, readOnly }: { label: string; value: string; onEdit(): void; readOnly: boolean }) {
  return (
    <>
      <dt title={label}>{label}</dt>
      <dd>
        <ReadOrEdit readOnly={readOnly} onEdit={onEdit}>{value || <span className="ds-dash">—</span>}</ReadOrEdit>
      </dd>
    </>
  );
}

/** A value of the sheet: a click edits it, or, read-only, plain text laid out the same. */
function ReadOrEdit({ readOnly, onEdit, title, className, children }: { readOnly: boolean; onEdit(): void; title?: string; className?: string; children: ReactNode }) {
  const cls = className ? `ds-value ${className}` : 'ds-value';
  if (readOnly) return <span className={`${cls} is-read-only`}>{children}</span>;
  return <button type="button" className={cls} onClick={onEdit} title={title}>{children}</button>;
}
