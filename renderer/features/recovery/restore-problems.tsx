import { useTranslation } from 'react-i18next';
import { issueMessage, type WorkbookIssue } from '../../../shared/workbook';

const SHOWN = 8;

/** What a backup's reading found: rows that cannot be read, counts that do not match. */
export function RestoreProblems({ issues, lang }: { issues: WorkbookIssue[]; lang: 'ru' | 'en' | 'ro' }) {
  const { t } = useTranslation('recovery');
  if (issues.length === 0) return <p className="recovery-muted" data-testid="restore-problems">{t('problemsNone')}</p>;
  return (
    <div className="recovery-problems" data-testid="restore-problems" role="alert">
      <p>{t('problems', { count: issues.length })}</p>
      <ul>
        {issues.slice(0, SHOWN).map((issue, i) => (
          <li key={i}>{issueMessage(issue, lang)}</li>
        ))}
      </ul>
      {issues.length > SHOWN && <p className="recovery-muted">{t('problemsMore', { count: issues.length - SHOWN })}</p>}
    </div>
  );
}
