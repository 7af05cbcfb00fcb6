import { useLiveQuery } from 'dexie-react-hooks';
import type { TFunction } from 'i18next';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isDayKey } from '../../../shared/model/filing';
import { findDuplicates, type DuplicateMatch } from '../../data/duplicates-repo';
import { useFolderCounts } from '../../ui/binder-hooks';
import { useToday } from '../../ui/clock';
import { LoadMeter } from '../../ui/load-meter';
import type { NextDate } from '../../ui/next-date-picker';
import { useSettings } from '../../ui/settings-context';
import { folderLabel } from './folder-label';
import { parsePastedClients, replaceLine, type PastedClient } from './paste-lines';
import { reviewPaste, type PasteDuplicate, type PasteReview, type ReviewedLine } from './paste-review';
import { taxIdVerdict } from './tax-id-hint';

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The pasted list read, checked and compared with the binder (live: the binder may change meanwhile). */
export function usePasteReview(text: string, skips: ReadonlySet<string>): PasteReview {
  const { t } = useTranslation('dossier');
  const parsed = useMemo(() => parsePastedClients(text), [text]);
  const probes = useMemo(() => parsed.clients.map((c) => ({ company: c.company, taxId: c.taxId })), [parsed]);
  const inBinder = useLiveQuery(() => findDuplicates(probes), [probes]);
  return useMemo(() => {
    const validate = (c: PastedClient): string[] => {
      const errors: string[] = [];
      const tax = taxIdVerdict(c.taxId, t).error;
      if (tax) errors.push(`${t('new.taxId')}: ${tax}`);
      if (c.email !== '' && !EMAIL_RE.test(c.email)) errors.push(t('new.errEmail'));
      return errors;
    };
    // A stale answer (for the text before the last keystroke) is not applied to the new lines.
    const matches = inBinder?.length === probes.length ? inBinder : undefined;
    return reviewPaste(parsed, { validate, inBinder: matches, skips });
  }, [parsed, probes, inBinder, skips, t]);
}

export interface PastePanelProps {
  text: string;
  onText(text: string): void;
  review: PasteReview;
  onToggleSkip(line: ReviewedLine): void;
  target: NextDate | null;
  /** The step fields (kind, time, folder) shared with the one-by-one tab. */
  children: ReactNode;
}

/**
 * The paste tab: the list, what will be filed where and how full that day gets, and every
 * line that needs a look (a bad INN to fix, a likely duplicate to skip) with its fix in place.
 */
export function PastePanel({ text, onText, review, onToggleSkip, target, children }: PastePanelProps) {
  const { t, i18n } = useTranslation('dossier');
  const lang = i18n.language;
  const key = target ? ('date' in target ? target.date : target.month) : '';
  const folder = key ? folderLabel(key, lang, t) : '';
  const flagged = review.lines.filter((l) => l.errors.length > 0 || l.duplicates.length > 0);
  const skippedLines = [...review.noCompany.map((s) => s.line), ...review.lines.filter((l) => l.skipped).map((l) => l.client.line)].sort((a, b) => a - b);

  return (
    <div className="nd-paste">
      <p className="nd-hint">{t('new.pasteHint')}</p>
      <textarea
        className="input"
        value={text}
        onChange={(e) => onText(e.target.value)}
        placeholder={t('new.pastePlaceholder')}
        autoFocus
        aria-label={t('new.tabPaste')}
      />
      {review.lines.length > 0 && (
        <div className="nd-paste-summary">
          <span className="nd-hint nd-rows">{t('new.pasteRows', { count: review.toAdd.length, folder })}</span>
          {key && <PasteLoad folderKey={key} adding={review.toAdd.length} folder={folder} />}
        </div>
      )}
      {review.unresolved.length > 0 && (
        <div className="field-error" data-testid="paste-blocked">
          {t('paste.resolveFirst', { lines: review.unresolved.map((l) => l.client.line).join(', ') })}
        </div>
      )}
      {skippedLines.length > 0 && (
        <div className="nd-skipped">
          {t('new.pasteSkipped', { count: skippedLines.length })}: {skippedLines.map((n) => `${t('new.line')} ${n}`).join(', ')}
        </div>
      )}
      {(flagged.length > 0 || review.noCompany.length > 0) && (
        <ul className="nd-issues" aria-label={t('paste.issues')} data-testid="paste-issues">
          {review.noCompany.map((s) => (
            <li key={`n${s.line}`} className="nd-issue is-skipped" data-testid="paste-issue" data-line={s.line}>
              <span className="nd-issue-line">{t('new.line')} {s.line}</span>
              <span className="nd-issue-what">{t('paste.noCompany')}</span>
              <FixInput line={s.line} value={s.text} text={text} onText={onText} />
            </li>
          ))}
          {flagged.map((l) => (
            <IssueRow key={l.client.line} line={l} text={text} onText={onText} onToggleSkip={onToggleSkip} />
          ))}
        </ul>
      )}
      {review.lines.length > 0 && <PastePreview clients={review.lines.map((l) => l.client)} />}
      <div className="nd-grid nd-paste-step">{children}</div>
    </div>
  );
}

function IssueRow({ line, text, onText, onToggleSkip }: { line: ReviewedLine; text: string; onText(t: string): void; onToggleSkip(l: ReviewedLine): void }) {
  const { t } = useTranslation('dossier');
  const c = line.client;
  const state = line.skipped ? 'is-skipped' : line.errors.length > 0 ? 'is-error' : 'is-duplicate';
  return (
    <li className={`nd-issue ${state}`} data-testid="paste-issue" data-line={c.line}>
      <span className="nd-issue-line">{t('new.line')} {c.line}</span>
      <span className="nd-issue-what">
        <strong>{c.company}</strong>
        {line.errors.map((e) => (
          <span key={e} className="field-error" role="alert"> · {e}</span>
        ))}
        {line.duplicates.map((d, i) => (
          <DuplicateNote key={i} duplicate={d} />
        ))}
        {line.skipped && <span className="muted"> · {t('paste.skippedNote')}</span>}
      </span>
      {line.errors.length > 0 && !line.skipped && <FixInput line={c.line} value={c.text} text={text} onText={onText} />}
      <button type="button" className="btn btn-small" onClick={() => onToggleSkip(line)} aria-pressed={line.skipped}>
        {line.skipped ? t('paste.include') : t('paste.skip')}
      </button>
    </li>
  );
}

/** The line's text, editable where it stands: the fix goes into the pasted list itself. */
function FixInput({ line, value, text, onText }: { line: number; value: string; text: string; onText(t: string): void }) {
  const { t } = useTranslation('dossier');
  return (
    <input
      className="input nd-fix"
      value={value}
      aria-label={t('paste.fix', { line })}
      onChange={(e) => onText(replaceLine(text, line, e.target.value))}
    />
  );
}

function DuplicateNote({ duplicate: d }: { duplicate: PasteDuplicate }) {
  const { t, i18n } = useTranslation('dossier');
  if (d.where === 'paste') {
    return <span className="nd-dup"> · {t(d.by === 'taxId' ? 'paste.sameTaxIdLine' : 'paste.sameCompanyLine', { line: d.line })}</span>;
  }
  return <span className="nd-dup"> · {binderNote(d.match, i18n.language, t)}</span>;
}

function binderNote(m: DuplicateMatch, lang: string, t: TFunction): string {
  const where = m.fileKey ? folderLabel(m.fileKey, lang, t) : t('paste.archived');
  return t(m.by === 'taxId' ? 'paste.sameTaxIdBinder' : 'paste.sameCompanyBinder', { company: m.company, where });
}

/** The target folder after the paste against the daily capacity (today's carries the overdue). */
function PasteLoad({ folderKey, adding, folder }: { folderKey: string; adding: number; folder: string }) {
  const { t } = useTranslation('dossier');
  const counts = useFolderCounts();
  const today = useToday();
  const { settings } = useSettings();
  if (!counts) return null;
  if (!isDayKey(folderKey)) {
    return <span className="nd-load muted" data-testid="paste-load">{t('paste.loadMonth', { folder, count: (counts.get(folderKey) ?? 0) + adding })}</span>;
  }
  let now = 0;
  if (folderKey === today) for (const [k, n] of counts) now += isDayKey(k) && k <= today ? n : 0;
  else now = counts.get(folderKey) ?? 0;
  const after = now + adding;
  const over = after - settings.capacity;
  return (
    <span className="nd-load" data-testid="paste-load" data-count={after}>
      <span>{t('paste.loadAfter', { folder, count: after, capacity: settings.capacity })}</span>
      <LoadMeter count={after} capacity={settings.capacity} compact />
      {over > 0 && <span className="nd-over">{t('paste.over', { count: over })}</span>}
    </span>
  );
}

function PastePreview({ clients }: { clients: PastedClient[] }) {
  const { t } = useTranslation('dossier');
  // The preview shows the first rows only: enough to check the columns landed right.
  const shown = clients.slice(0, 5);
  return (
    <table className="nd-preview" aria-label={t('new.pastePreview')}>
      <thead>
        <tr>
          <th>#</th>
          <th>{t('new.company')}</th>
          <th>{t('new.contactName')}</th>
          <th>{t('new.phone')}</th>
          <th>{t('new.email')}</th>
          <th>{t('new.taxId')}</th>
        </tr>
      </thead>
      <tbody>
        {shown.map((c) => (
          <tr key={c.line}>
            <td>{c.line}</td>
            <td>{c.company}</td>
            <td>{c.contactName}</td>
            <td>{c.phone}</td>
            <td>{c.email}</td>
            <td>{c.taxId}</td>
          </tr>
        ))}
        {clients.length > shown.length && (
          <tr>
            <td colSpan={6}>… +{clients.length - shown.length}</td>
          </tr>
        )}
      </tbody>
    </table>
  );
}
