import { useEffect, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPhone, normalizePhone } from '../../../shared/model/phone';
import type { Contact } from '../../../shared/model/records';
import { getBridge } from '../../bridge';
import { deleteContact, saveContact } from '../../data/dossier-repo';
import { useAuthor } from '../../ui/settings-context';
import { focusFirstInvalid, RefusedSave } from '../../ui/refused-save';
import { useToast } from '../../ui/toast';

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const splitList = (s: string): string[] => s.split(/[,;\n]/).map((x) => x.trim()).filter(Boolean);

/** Through the bridge: Electron hands tel:/mailto: to the system (softphone, mail client). */
function openLink(e: MouseEvent, url: string) {
  e.preventDefault();
  void getBridge().openExternal(url);
}

/**
 * The people at the client: phones and e-mails one click from a call or a letter, the
 * decision maker first. Add (C), edit inline, delete with Undo.
 */
export function ContactsSection({ dossierId, contacts, adding, onAddingChange, readOnly = false }: {
  dossierId: string;
  contacts: Contact[];
  adding: boolean;
  onAddingChange(v: boolean): void;
  /** Another manager's workbook: the people and their links, no add, edit or delete. */
  readOnly?: boolean;
}) {
  const { t } = useTranslation('dossier');
  const author = useAuthor();
  const toast = useToast();
  const [editingId, setEditingId] = useState<string | null>(null);

  const remove = async (c: Contact) => {
    try {
      await deleteContact(c.dossierId, c.id, author);
      toast({
        message: t('contacts.deleted', { name: c.name }),
        // Brings the person back with every field; the data layer gives it a fresh record id.
        onUndo: async () => {
          const { id: _i, createdAt: _c, updatedAt: _u, author: _a, syncBase: _s, ...fields } = c;
          await saveContact(fields, author);
        },
      });
    } catch (err) {
      toast({ kind: 'error', message: t('screen.failed', { message: err instanceof Error ? err.message : String(err) }) });
    }
  };

  return (
    <section className="ds-panel" aria-label={t('contacts.title')}>
      <header className="ds-panel-head">
        <h2>{t('contacts.title')}</h2>
        {!readOnly && (
          <button className="btn btn-link" onClick={() => onAddingChange(true)}>
            + {t('contacts.add')} <kbd>C</kbd>
          </button>
        )}
      </header>
      {adding && !readOnly && <ContactForm dossierId={dossierId} onDone={() => onAddingChange(false)} />}
      {contacts.length === 0 && !adding && <p className="ds-empty">{t('contacts.empty')}</p>}
      <ul className="ds-contacts">
        {contacts.map((c) =>
          editingId === c.id && !readOnly ? (
            <li key={c.id}>
              <ContactForm dossierId={dossierId} contact={c} onDone={() => setEditingId(null)} />
            </li>
          ) : (
            <li key={c.id} className="ds-contact" data-testid="contact">
              <div className="ds-contact-main">
                <strong>{c.name}</strong>
                {c.decisionMaker && <span className="badge ds-dm" title={t('contacts.decisionMaker')}>{t('contacts.dm')}</span>}
                {c.position && <span className="ds-muted"> · {c.position}</span>}
                {!readOnly && (
                  <span className="ds-contact-actions">
                    <button className="btn btn-icon" aria-label={`${t('contacts.edit')}: ${c.name}`} title={t('contacts.edit')} onClick={() => setEditingId(c.id)}>✎</button>
                    <button className="btn btn-icon" aria-label={`${t('contacts.delete')}: ${c.name}`} title={t('contacts.delete')} onClick={() => void remove(c)}>×</button>
                  </span>
                )}
              </div>
              <div className="ds-contact-links">
                {c.phones.map((p) => (
                  <a key={p} href={`tel:+${normalizePhone(p)}`} onClick={(e) => openLink(e, `tel:+${normalizePhone(p)}`)} title={t('contacts.call', { phone: formatPhone(p) })}>
                    ☎ {formatPhone(p)}
                  </a>
                ))}
                {c.emails.map((m) => (
                  <a key={m} href={`mailto:${m}`} onClick={(e) => openLink(e, `mailto:${m}`)} title={t('contacts.write', { email: m })}>
                    ✉ {m}
                  </a>
                ))}
              </div>
              {c.note && <div className="ds-muted ds-contact-note">{c.note}</div>}
            </li>
          ),
        )}
      </ul>
    </section>
  );
}

function ContactForm({ dossierId, contact, onDone }: { dossierId: string; contact?: Contact; onDone(): void }) {
  const { t } = useTranslation('dossier');
  const author = useAuthor();
  const toast = useToast();
  const [name, setName] = useState(contact?.name ?? '');
  const [position, setPosition] = useState(contact?.position ?? '');
  const [phones, setPhones] = useState(contact?.phones.join(', ') ?? '');
  const [emails, setEmails] = useState(contact?.emails.join(', ') ?? '');
  const [dm, setDm] = useState(contact?.decisionMaker ?? false);
  const [note, setNote] = useState(contact?.note ?? '');
  const [showErrors, setShowErrors] = useState(false);
  const nameRef = useRef<HTMLInputElement>(null);
  const formRef = useRef<HTMLDivElement>(null);

  useEffect(() => nameRef.current?.focus(), []);

  // An address already on the contact (imported as typed) does not lock the contact; a newly typed wrong one stops the save.
  const badEmail = splitList(emails).find((m) => !EMAIL_RE.test(m) && !contact?.emails.includes(m));
  const errors = { name: name.trim() === '' ? t('contacts.errName') : undefined, email: badEmail ? t('contacts.errEmail', { value: badEmail }) : undefined };

  const save = async () => {
    if (errors.name || errors.email) {
      setShowErrors(true);
      focusFirstInvalid(formRef.current);
      return;
    }
    try {
      await saveContact(
        { id: contact?.id, dossierId, name: name.trim(), position: position.trim(), phones: splitList(phones), emails: splitList(emails), decisionMaker: dm, note: note.trim() },
        author,
      );
      onDone();
    } catch (err) {
      toast({ kind: 'error', message: t('screen.failed', { message: err instanceof Error ? err.message : String(err) }) });
    }
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onDone();
    } else if ((e.key === 'Enter' && !(e.target instanceof HTMLButtonElement)) || ((e.ctrlKey || e.metaKey) && e.code === 'KeyS')) {
      e.preventDefault();
      e.stopPropagation();
      void save();
    }
  };

  const err = (m?: string) => (showErrors && m ? <span className="field-error" role="alert">{m}</span> : null);
  return (
    <div ref={formRef} className="ds-contact-form" onKeyDown={onKeyDown} role="group" aria-label={contact ? t('contacts.edit') : t('contacts.add')}>
      <label className="field">
        <span>{t('contacts.name')} *</span>
        <input ref={nameRef} className="input" value={name} onChange={(e) => setName(e.target.value)} aria-invalid={showErrors && !!errors.name} />
        {err(errors.name)}
      </label>
      <label className="field">
        <span>{t('contacts.position')}</span>
        <input className="input" value={position} onChange={(e) => setPosition(e.target.value)} />
      </label>
      <label className="field">
        <span>{t('contacts.phones')}</span>
        <input className="input" type="tel" value={phones} onChange={(e) => setPhones(e.target.value)} placeholder={t('contacts.listHint')} />
      </label>
      <label className="field">
        <span>{t('contacts.emails')}</span>
        <input className="input" value={emails} onChange={(e) => setEmails(e.target.value)} placeholder={t('contacts.listHint')} aria-invalid={showErrors && !!errors.email} />
        {err(errors.email)}
      </label>
      <label className="field ds-wide">
        <span>{t('contacts.note')}</span>
        <input className="input" value={note} onChange={(e) => setNote(e.target.value)} />
      </label>
      <div className="ds-form-actions ds-wide">
        <label className="ds-check-inline">
          <input type="checkbox" checked={dm} onChange={(e) => setDm(e.target.checked)} /> {t('contacts.decisionMaker')}
        </label>
        <RefusedSave shown={showErrors} reasons={[errors.name, errors.email]} />
        <button type="button" className="btn" onClick={onDone}>{t('common:action.cancel')} <kbd>Esc</kbd></button>
        <button type="button" className="btn btn-primary" onClick={() => void save()}>{t('common:action.save')} <kbd>Enter</kbd></button>
      </div>
    </div>
  );
}
