/**
 * Parses clients pasted from a spreadsheet or a note: one per line, fields separated by a
 * tab (what a spreadsheet copies) or ';' (what people type). Columns in order: company,
 * contact, phone, e-mail, tax id. A line without a company is reported, not guessed at.
 */
export interface PastedClient {
  line: number;
  company: string;
  contactName: string;
  phone: string;
  email: string;
  taxId: string;
}

export interface PasteResult {
  clients: PastedClient[];
  skipped: { line: number; text: string }[];
}

export function parsePastedClients(text: string): PasteResult {
  const clients: PastedClient[] = [];
  const skipped: PasteResult['skipped'] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    if (raw.trim() === '') return;
    const sep = raw.includes('\t') ? '\t' : ';';
    const [company = '', contactName = '', phone = '', email = '', taxId = ''] = raw.split(sep).map((s) => s.trim());
    if (company === '') {
      skipped.push({ line: i + 1, text: raw });
      return;
    }
    clients.push({ line: i + 1, company, contactName, phone, email, taxId });
  });
  return { clients, skipped };
}
