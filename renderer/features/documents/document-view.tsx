import { useTranslation } from 'react-i18next';
import type { DocCell, DocumentModel } from '../../../shared/receivables/documents';
import { formatDay, formatMoney } from '../../ui/format';

function CellText({ cell }: { cell: DocCell }) {
  const { i18n } = useTranslation();
  if (cell.kind === 'money') return <>{formatMoney(cell.amount, cell.currency, i18n.language)}</>;
  if (cell.kind === 'day') return <>{formatDay(cell.day, i18n.language, { day: '2-digit', month: '2-digit', year: 'numeric' })}</>;
  return <>{cell.text}</>;
}

/** A document on an A4 page: the parties, the title, the text and tables, the signatures. */
export function DocumentView({ doc }: { doc: DocumentModel }) {
  return (
    <article className="print-page doc-page" data-testid={`document-${doc.kind}`}>
      <div className="doc-parties">
        {[doc.from, doc.to].map((p) => (
          <div key={p.heading} className="doc-party">
            <div className="doc-party-head">{p.heading}</div>
            {p.lines.map((l, i) => (i === 0 ? <strong key={i}>{l}</strong> : <div key={i}>{l}</div>))}
          </div>
        ))}
      </div>
      <h1 className="doc-title">{doc.title}</h1>
      <p className="print-sub doc-subtitle">{doc.subtitle}</p>
      {doc.blocks.map((b, i) => {
        if (b.kind === 'paragraph') return <p key={i} className="doc-para">{b.text}</p>;
        if (b.kind === 'fields') {
          return (
            <dl key={i} className="print-card doc-fields">
              {b.pairs.map(([k, v]) => (
                <div key={k} className="print-pair">
                  <dt>{k}</dt>
                  <dd>{v}</dd>
                </div>
              ))}
            </dl>
          );
        }
        return (
          <table key={i} className="doc-table">
            <caption>{b.caption}</caption>
            <thead>
              <tr>{b.table.columns.map((c) => <th key={c.header} className={c.numeric ? 'print-num' : undefined}>{c.header}</th>)}</tr>
            </thead>
            <tbody>
              {b.table.rows.map((r, ri) => (
                <tr key={ri}>{r.map((c, ci) => <td key={ci} className={b.table.columns[ci]?.numeric || c.kind === 'day' ? 'print-num' : undefined}><CellText cell={c} /></td>)}</tr>
              ))}
            </tbody>
            <tfoot>
              {b.table.foot.map((r, ri) => (
                <tr key={ri}>{r.map((c, ci) => <td key={ci} className={b.table.columns[ci]?.numeric ? 'print-num' : undefined}><CellText cell={c} /></td>)}</tr>
              ))}
            </tfoot>
          </table>
        );
      })}
      <div className="doc-signatures print-keep">
        {doc.signatures.map((s, i) => (
          <div key={i} className="doc-signature">
            <div className="doc-party-head">{s.heading}</div>
            <div className="doc-sign-line" />
            <div>{[s.position, s.name].filter(Boolean).join(' ')}</div>
          </div>
        ))}
      </div>
    </article>
  );
}
