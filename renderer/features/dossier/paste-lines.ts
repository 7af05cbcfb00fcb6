/**
 * Parses clients pasted from a spreadsheet or a note: one per line, fields separated by a
 * tab (what a spreadsheet copies) or ';' (what people type). Columns in order: company,
 * contact, phone, e-mail, tax id. A line without a company is reported, not guessed at.
 */
export interface PastedClient {
  line: number;
  /** The line as pasted: what a fix in place edits. */
  text: string;
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
    clients.push({ line: i + 1, text: raw, company, contactName, phone, email, taxId });
  });
  return { clients, skipped };
}

/** The text with its line `line` (1-based) replaced: a fix made in place lands in the pasted list. */
export function replaceLine(text: string, line: number, replacement: string): string {
  const lines = text.split(/\r?\n/);
  if (line < 1 || line > lines.length) return text;
  lines[line - 1] = replacement.replace(/\r?\n/g, ' ');
  return lines.join('\n');
}
