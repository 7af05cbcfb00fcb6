import { useTranslation } from 'react-i18next';
import { cleanRequisite, requisiteProblem, type RequisiteField } from '../../../shared/model/requisites';
import type { Settings, SettingsPatch } from '../../../shared/model/settings';
import { Section, TextSetting } from './settings-fields';

/** The groups of the form, in the order a letterhead reads them. */
const GROUPS: { title: 'you' | 'companyBlock' | 'bankBlock' | 'roBlock'; fields: RequisiteField[] }[] = [
  { title: 'you', fields: ['managerPosition', 'managerPhone', 'managerEmail'] },
  { title: 'companyBlock', fields: ['company', 'address', 'inn', 'kpp', 'ogrn'] },
  { title: 'bankBlock', fields: ['bank', 'bic', 'account', 'corrAccount'] },
  { title: 'roBlock', fields: ['cui', 'regCom', 'iban'] },
];

const NUMERIC = new Set<RequisiteField>(['inn', 'ogrn', 'bic', 'account', 'corrAccount']);
const WIDE = new Set<RequisiteField>(['company', 'address', 'bank']);

/** The manager's and the company's requisites for the receivables documents; each field checked as it is left. */
export function RequisitesSection({ settings, onSave }: { settings: Settings; onSave(p: SettingsPatch): Promise<void> }) {
  const { t } = useTranslation('settings');
  const req = settings.requisites;
  const message = (field: RequisiteField, value: string): string | undefined => {
    const problem = requisiteProblem(field, value, req);
    if (!problem) return undefined;
    const name = t(`requisites.field.${field}`);
    const expect = t(`requisites.expect.${field}`, { defaultValue: '' });
    if (problem === 'needs-bic') return t('requisites.problem.needsBic');
    if (problem === 'checksum' && (field === 'account' || field === 'corrAccount')) return t('requisites.problem.accountChecksum', { field: name });
    return t(`requisites.problem.${problem}`, { field: name, expect });
  };
  return (
    <Section title={t('requisites.title')}>
      <small className="settings-hint">{t('requisites.hint')}</small>
      {GROUPS.map((g) => (
        <fieldset key={g.title} className="settings-field settings-requisites" data-testid={`requisites-${g.title}`}>
          <legend>{t(`requisites.${g.title}`)}</legend>
          <div className="settings-requisite-grid">
            {g.fields.map((field) => (
              <div key={field} className={WIDE.has(field) ? 'settings-requisite-wide' : undefined}>
                <TextSetting
                  label={t(`requisites.field.${field}`)}
                  value={req[field]}
                  maxLength={field === 'address' ? 500 : 300}
                  inputMode={NUMERIC.has(field) ? 'numeric' : undefined}
                  testId={`requisite-${field}`}
                  validate={(v) => message(field, v)}
                  onSave={(v) => onSave({ requisites: { ...req, [field]: cleanRequisite(field, v) } })}
                />
              </div>
            ))}
          </div>
        </fieldset>
      ))}
    </Section>
  );
}
