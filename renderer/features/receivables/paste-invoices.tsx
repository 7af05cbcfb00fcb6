/**
 * Invoices in from an accounting program: rows pasted from Excel or 1C, or a foreign
 * spreadsheet opened here. The columns' mapping is proposed (by header words or by what
 * the cells look like) and can be changed; each line shows its dossier or why it cannot be
 * added, a line without a dossier gets one chosen by hand, any line can be skipped, and the
 * batch is added in one action that one undo takes back.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { companyKey } from '../../../shared/model/company-key';
import {
  guessInvoiceMapping, guessPastedMapping, INVOICE_FIELDS, pastedRows, readInvoiceLines, withDossier, type DossierKey, type InvoiceField, type InvoiceLine, type InvoiceMapping,
} from '../../../shared/receivables/invoice-lines';
import { readSheetTable } from '../../../shared/workbook/foreign';
import { addInvoices, getDossierKeys, invoiceNumbersOf } from '../../data/receivables-repo';
import { getBridge } from '../../bridge';
import { useWorkCalendar } from '../../ui/binder-hooks';
import { Dialog } from '../../ui/dialog';
import { formatDay, formatMoney } from '../../ui/format';
import { useAuthor, useSettings } from '../../ui/settings-context';
import { useToast } from '../../ui/toast';
import { useUndo } from '../../ui/undo';

interface Source {
  headers: string[];
  rows: string[][];
  skip: number[];
  firstLine: number;
}

export function PasteInvoicesDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  const { t, i18n } = useTranslation('receivables');
  const lang = i18n.language;
  const cal = useWorkCalendar();
  const author = useAuthor();
  const { settings } = useSettings();
  const toast = useToast();
  const undo = useUndo();
  const [text, setText] = useState('');
  const [source, setSource] = useState<Source | null>(null);
  const [mapping, setMapping] = useState<InvoiceMapping>({});
  const [skipped, setSkipped] = useState<Set<number>>(() => new Set());
  const [chosen, setChosen] = useState<Map<number, string>>(() => new Map());
  const keys = useLiveQuery(() => (open ? getDossierKeys() : Promise.resolve([])), [open]);
  const [numbers, setNumbers] = useState<Map<string, string[]>>(() => new Map());

  const keysWithNumbers: DossierKey[] = useMemo(() => (keys ?? []).map((k) => ({ ...k, numbers: numbers.get(k.id) ?? [] })), [keys, numbers]);
  const byId = useMemo(() => new Map(keysWithNumbers.map((k) => [k.id, k])), [keysWithNumbers]);
  const lines: InvoiceLine[] = useMemo(() => {
    if (!source) return [];
    const read = readInvoiceLines(source.rows, mapping, keysWithNumbers, { currency: settings.currency, skip: source.skip, firstLine: source.firstLine });
    return read.map((l) => {
      const id = chosen.get(l.line);
      const d = id ? byId.get(id) : undefined;
      return d && l.issue === 'no-client' ? withDossier(l, d) : l;
    });
  }, [source, mapping, keysWithNumbers, settings.currency, chosen, byId]);
  const ready = lines.filter((l) => !l.issue && !skipped.has(l.line));

  const reset = () => { setSource(null); setText(''); setSkipped(new Set()); setChosen(new Map()); setNumbers(new Map()); };
  const close = () => { reset(); onClose(); };

  const load = async (src: Source, map: InvoiceMapping) => {
    setSource(src);
    setMapping(map);
    // The invoice numbers of the dossiers the lines name, for the duplicate check.
    const first = readInvoiceLines(src.rows, map, keys ?? [], { currency: settings.currency, skip: src.skip });
    setNumbers(await invoiceNumbersOf(first.flatMap((l) => (l.dossierId ? [l.dossierId] : []))));
  };

  const readPaste = () => {
    const rows = pastedRows(text);
    const width = Math.max(0, ...rows.map((r) => r.length));
    void load({ headers: Array.from({ length: width }, (_, i) => t('desk.paste.column', { n: i + 1 })), rows, skip: [], firstLine: 0 }, guessPastedMapping(rows));
  };

  const openFile = async () => {
    const file = await getBridge().openFile({ filters: [{ name: 'Excel', extensions: ['xlsx', 'xls', 'ods', 'csv', 'txt'] }] });
    if (!file) return;
    const table = readSheetTable(file.data).sheets[0];
    if (!table) return toast({ kind: 'error', message: t('desk.paste.unreadable') });
    void load({ headers: table.headers, rows: table.rows, skip: table.formulaRows, firstLine: table.headerRow }, guessInvoiceMapping(table.headers));
  };

  const add = async () => {
    const inputs = ready.map((l) => ({
      dossierId: l.dossierId!, number: l.number, amount: l.amount, currency: l.currency, issuedOn: l.issuedOn, dueOn: l.dueOn,
      terms: l.terms ? t('desk.paste.fields.termsDays') + ': ' + l.terms : '',
    }));
    try {
      await addInvoices(inputs, cal, author, t('desk.paste.added', { count: inputs.length }));
      toast({ message: t('desk.paste.added', { count: inputs.length }), onUndo: undo });
      close();
    } catch (e) {
      toast({ kind: 'error', message: e instanceof Error ? e.message : String(e) });
    }
  };

  const setField = (col: number, field: InvoiceField | '') => {
    const next: InvoiceMapping = {};
    for (const [c, f] of Object.entries(mapping)) if (f !== field && Number(c) !== col) next[Number(c)] = f;
    if (field) next[col] = field;
    setMapping(next);
  };

  return (
    <Dialog
      open={open} title={t('desk.paste.title')} onClose={close} size="wide" testId="paste-invoices"
      footer={source ? <>
        <button type="button" className="btn btn-primary" disabled={ready.length === 0} onClick={() => void add()}>{t('desk.paste.import', { count: ready.length })}</button>
        <button type="button" className="btn" onClick={reset}>{t('invoices.cancel')}</button>
      </> : <>
        <button type="button" className="btn btn-primary" disabled={text.trim() === ''} onClick={readPaste}>{t('desk.paste.read')}</button>
        <button type="button" className="btn" onClick={() => void openFile()}>{t('desk.paste.file')}</button>
        <button type="button" className="btn" onClick={close}>{t('desk.paste.close')}</button>
      </>}
    >
      {!source ? (
        <>
          <p className="ds-muted">{t('desk.paste.hint')}</p>
          <textarea className="rcv-paste" aria-label={t('desk.paste.title')} rows={10} value={text} placeholder={t('desk.paste.placeholder')} onChange={(e) => setText(e.target.value)} />
        </>
      ) : (
        <div className="rcv-paste-review">
          <div className="rcv-mapping" data-testid="invoice-mapping">
            {source.headers.map((h, col) => (
              <label key={col} className="rcv-field">
                <span title={h}>{h || t('desk.paste.column', { n: col + 1 })}</span>
                <select value={mapping[col] ?? ''} onChange={(e) => setField(col, e.target.value as InvoiceField | '')}>
                  <option value="">{t('desk.paste.notLoaded')}</option>
                  {INVOICE_FIELDS.map((f) => <option key={f} value={f}>{t(`desk.paste.fields.${f}`)}</option>)}
                </select>
              </label>
            ))}
          </div>
          <table className="rcv-list">
            <thead>
              <tr>
                <th>{t('desk.paste.line')}</th><th>{t('desk.paste.client')}</th><th>{t('desk.paste.number')}</th>
                <th className="num">{t('desk.paste.amount')}</th><th>{t('desk.paste.due')}</th><th>{t('desk.paste.problem')}</th><th>{t('desk.paste.skip')}</th>
              </tr>
            </thead>
            <tbody>
              {lines.map((l) => (
                <tr key={l.line} data-testid="paste-line" className={l.issue ? 'rcv-bad' : undefined}>
                  <td>{l.line}</td>
                  <td>
                    {l.dossierId ? byId.get(l.dossierId)?.company : <span>{l.client || l.taxId}</span>}
                    {(l.issue === 'no-client' || chosen.has(l.line)) && <DossierPick keys={keysWithNumbers} hint={l.client} value={chosen.get(l.line) ?? ''} onPick={(id) => setChosen(new Map(chosen).set(l.line, id))} />}
                  </td>
                  <td>{l.number}</td>
                  <td className="num">{l.amount > 0 ? formatMoney(l.amount, /^[A-Z]{3}$/.test(l.currency) ? l.currency : 'RUB', lang) : ''}</td>
                  <td>{l.dueOn ? formatDay(l.dueOn, lang) : ''}</td>
                  <td>{l.issue ? t(`desk.paste.issues.${l.issue}`) : '✓'}</td>
                  <td><input type="checkbox" aria-label={`${t('desk.paste.skip')} ${l.line}`} checked={skipped.has(l.line)} disabled={!!l.issue} onChange={(e) => {
                    const next = new Set(skipped);
                    if (e.target.checked) next.add(l.line); else next.delete(l.line);
                    setSkipped(next);
                  }} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Dialog>
  );
}

/** A dossier chosen by hand for a line no INN or name matched: the dossiers whose name contains what is typed. */
function DossierPick({ keys, hint, value, onPick }: { keys: readonly DossierKey[]; hint: string; value: string; onPick(id: string): void }) {
  const { t } = useTranslation('receivables');
  const [q, setQ] = useState(() => hint.split(/\s+/).find((w) => companyKey(w) !== '') ?? '');
  const found = useMemo(() => {
    const k = companyKey(q);
    return k ? keys.filter((d) => companyKey(d.company).includes(k)).slice(0, 20) : [];
  }, [keys, q]);
  return (
    <span className="rcv-pick">
      <input aria-label={t('desk.paste.dossier')} value={q} onChange={(e) => setQ(e.target.value)} />
      <select aria-label={t('desk.paste.choose')} value={value} onChange={(e) => onPick(e.target.value)}>
        <option value="">{t('desk.paste.choose')}</option>
        {found.map((d) => <option key={d.id} value={d.id}>{d.company}{d.taxId ? ` · ${d.taxId}` : ''}</option>)}
      </select>
    </span>
  );
}
