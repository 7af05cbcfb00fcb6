import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SEGMENTS, type Segment } from '../../../shared/model/records';
import { checkOkved, okvedClassName, okvedClassOf } from '../../../shared/portfolio/okved';
import { OKVED_CLASSES } from '../../../shared/portfolio/okved-classes';
import { effectiveSegment, isNamedVipCriterion, isNewCompany, segmentFromFigures, VIP_CRITERIA, type SegmentThresholds } from '../../../shared/portfolio/profile';
import type { DossierSummary } from '../../data/types';
import { DateField } from '../../ui/date-field';
import { formatDay, formatMoney, formatNumber } from '../../ui/format';
import type { ProfileDraft, ProfileError } from './profile-draft';

type Field = 'segment' | 'annualRevenue' | 'headcount' | 'okved' | 'registeredOn' | 'vip';

/** The profile's rows of the card sheet (label, value); a click on a value edits that field. */
export function ProfileRows({ row, today, currency, thresholds, value }: {
  row: DossierSummary;
  today: string;
  currency: string;
  thresholds: SegmentThresholds;
  value(field: Field, content: ReactNode): ReactNode;
}) {
  const { t, i18n } = useTranslation('dossier');
  const lang = i18n.language;
  const seg = effectiveSegment(row, thresholds);
  const cls = okvedClassOf(row.okved);
  const criteria = row.vipCriteria ?? [];
  return (
    <>
      <dt>{t('card.segment')}</dt>
      {value('segment', seg && (
        <span data-testid="profile-segment">{t(`segment.${seg}`)} <small className="ds-muted">({t(row.segment ? 'profile.byHand' : 'profile.fromFigures')})</small></span>
      ))}
      <dt>{t('profile.revenue')}</dt>
      {value('annualRevenue', row.annualRevenue !== undefined && formatMoney(row.annualRevenue, currency, lang))}
      <dt>{t('profile.headcount')}</dt>
      {value('headcount', row.headcount !== undefined && formatNumber(row.headcount, lang))}
      <dt>{t('profile.okved')}</dt>
      {value('okved', row.okved && (
        <span data-testid="profile-okved"><span className="ds-mono">{row.okved}</span>{cls && ` · ${okvedClassName(cls, lang)}`}</span>
      ))}
      <dt>{t('profile.registeredOn')}</dt>
      {value('registeredOn', row.registeredOn && (
        <>
          {formatDay(row.registeredOn, lang)}{' '}
          {isNewCompany(row.registeredOn, today) && <span className="badge ds-new" data-testid="new-company" title={t('profile.newCompanyHint')}>{t('profile.newCompany')}</span>}
        </>
      ))}
      <dt>{t('card.vip')}</dt>
      {value('vip', (criteria.length > 0 || row.vip) && (
        <span data-testid="profile-vip">
          {criteria.length === 0 ? <span className="badge ds-vip">★ {t('profile.vipBare')}</span>
            : criteria.map((c) => <span key={c} className="badge ds-vip">★ {isNamedVipCriterion(c) ? t(`profile.vipCriterion.${c}`) : c}</span>)}
        </span>
      ))}
    </>
  );
}

const errorKey: Record<ProfileError, string> = {
  okvedForm: 'profile.errOkvedForm',
  okvedClass: 'profile.errOkvedClass',
  revenue: 'profile.errRevenue',
  headcount: 'profile.errHeadcount',
  registeredOn: 'profile.errRegisteredOn',
  registeredFuture: 'profile.errRegisteredFuture',
};

/** The profile's part of the card form. */
export function ProfileForm({ draft, onChange, errors, showErrors, thresholds, offerBare }: {
  draft: ProfileDraft;
  onChange(d: ProfileDraft): void;
  errors: Partial<Record<'okved' | 'revenue' | 'headcount' | 'registeredOn', ProfileError>>;
  showErrors: boolean;
  thresholds: SegmentThresholds;
  /** The stored card has the bare flag: it can be kept or dropped. */
  offerBare: boolean;
}) {
  const { t, i18n } = useTranslation('dossier');
  const lang = i18n.language;
  const listId = useId();
  const set = <K extends keyof ProfileDraft>(k: K, v: ProfileDraft[K]) => onChange({ ...draft, [k]: v });
  const err = (k: keyof typeof errors) => (showErrors && errors[k] ? <span className="field-error" role="alert">{t(errorKey[errors[k]!], { code: draft.okved.trim().slice(0, 2) })}</span> : null);
  const num = (s: string) => Number(s.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.'));
  const figures = segmentFromFigures(draft.revenue ? num(draft.revenue) : undefined, draft.headcount ? num(draft.headcount) : undefined, thresholds);
  const okved = draft.okved.trim() ? checkOkved(draft.okved) : undefined;
  const toggle = (c: (typeof VIP_CRITERIA)[number]) => set('named', draft.named.includes(c) ? draft.named.filter((x) => x !== c) : [...draft.named, c]);
  return (
    <>
      <label className="field">
        <span>{t('profile.revenue')}</span>
        <input className="input" name="annualRevenue" inputMode="decimal" value={draft.revenue} onChange={(e) => set('revenue', e.target.value)} aria-invalid={showErrors && !!errors.revenue} />
        {err('revenue')}
      </label>
      <label className="field">
        <span>{t('profile.headcount')}</span>
        <input className="input" name="headcount" inputMode="numeric" value={draft.headcount} onChange={(e) => set('headcount', e.target.value)} aria-invalid={showErrors && !!errors.headcount} />
        {err('headcount')}
      </label>
      <label className="field">
        <span>{t('card.segment')}</span>
        <select name="segment" value={draft.segment} onChange={(e) => set('segment', e.target.value as Segment | '')}>
          <option value="">{t('profile.auto', { segment: figures ? t(`segment.${figures}`) : t('profile.noFigures') })}</option>
          {SEGMENTS.map((s) => (
            <option key={s} value={s}>{t('profile.setByHand', { segment: t(`segment.${s}`) })}</option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('profile.okved')}</span>
        <input className="input ds-mono" name="okved" list={listId} value={draft.okved} placeholder="46.90" onChange={(e) => set('okved', e.target.value)} aria-invalid={showErrors && !!errors.okved} autoComplete="off" />
        {/* The picker: the browser's list, filtered as the manager types a code or a word of the name. */}
        <datalist id={listId}>
          {OKVED_CLASSES.map((c) => <option key={c.code} value={c.code}>{okvedClassName(c, lang)}</option>)}
        </datalist>
        {errors.okved ? err('okved') : okved?.ok ? <small className="ds-muted" data-testid="okved-name">{okvedClassName(okved.cls, lang)}</small> : <small className="ds-muted">{t('profile.okvedHint')}</small>}
      </label>
      <div className="field">
        <DateField label={t('profile.registeredOn')} value={draft.registeredOn} onChange={(v) => set('registeredOn', v)} allowPast testId="registered-on" />
        {err('registeredOn')}
      </div>
      <fieldset className="ds-vip-criteria ds-wide" data-testid="vip-criteria">
        <legend>★ {t('profile.vipCriteria')}</legend>
        {VIP_CRITERIA.map((c) => (
          <label key={c} className="ds-check-inline">
            <input type="checkbox" name={c === VIP_CRITERIA[0] ? 'vip' : undefined} checked={draft.named.includes(c)} onChange={() => toggle(c)} />
            {t(`profile.vipCriterion.${c}`)}
          </label>
        ))}
        <input className="input" value={draft.free} onChange={(e) => set('free', e.target.value)} placeholder={t('profile.vipFree')} aria-label={t('profile.vipFree')} data-testid="vip-free" />
        {offerBare && profileHasBareFlag(draft) && (
          <label className="ds-check-inline">
            <input type="checkbox" checked={draft.bareVip} onChange={(e) => set('bareVip', e.target.checked)} />
            {t('profile.vipBare')}
          </label>
        )}
      </fieldset>
    </>
  );
}

/** The bare flag matters only while no criterion is named (a named one makes the client VIP anyway). */
function profileHasBareFlag(d: ProfileDraft): boolean {
  return d.named.length === 0 && d.free.trim() === '';
}
