import { describe, expect, it } from 'vitest';
import { parsePastedClients, replaceLine } from '../../../renderer/features/dossier/paste-lines';
import { reviewPaste, skipKey } from '../../../renderer/features/dossier/paste-review';

const badInn = (c: { taxId: string }) => (c.taxId === '1234567890' ? ['bad INN'] : []);
const none = new Set<string>();

describe('reviewPaste', () => {
  const text = ['ООО Альфа; Иван; ; ; 7707083893', 'Бета; Мария; ; ; 1234567890', 'Альфа ООО; Пётр', 'Гамма; ; ; ; 7707 083 893', '; без компании'].join('\n');
  const parsed = parsePastedClients(text);

  it('flags a company or INN pasted twice against its first line, and a bad line as unresolved', () => {
    const r = reviewPaste(parsed, { validate: badInn, skips: none });
    expect(r.lines.map((l) => [l.client.line, l.duplicates])).toEqual([
      [1, []],
      [2, []],
      [3, [{ where: 'paste', by: 'company', line: 1 }]],
      [4, [{ where: 'paste', by: 'taxId', line: 1 }]],
    ]);
    // Duplicates are warnings (still added); the bad INN waits for a fix or a skip.
    expect(r.toAdd.map((c) => c.line)).toEqual([1, 3, 4]);
    expect(r.unresolved.map((l) => l.client.line)).toEqual([2]);
    expect(r.noCompany.map((s) => s.line)).toEqual([5]);
  });

  it('skipping the bad line unblocks the rest; editing it after the skip asks again', () => {
    const skips = new Set([skipKey(2, parsed.clients[1]!.text)]);
    const r = reviewPaste(parsed, { validate: badInn, skips });
    expect(r.unresolved).toEqual([]);
    expect(r.toAdd).toHaveLength(3);
    const edited = parsePastedClients(replaceLine(text, 2, 'Бета; Мария; ; ; 1234567891'));
    expect(reviewPaste(edited, { validate: badInn, skips }).lines[1]!.skipped).toBe(false);
  });

  it('a line fixed in place is added', () => {
    const fixed = parsePastedClients(replaceLine(text, 2, 'Бета; Мария; ; ; 7736050003'));
    const r = reviewPaste(fixed, { validate: badInn, skips: none });
    expect(r.unresolved).toEqual([]);
    expect(r.toAdd.map((c) => c.company)).toContain('Бета');
  });

  it('names what the binder already holds for each line', () => {
    const match = { id: 'x', company: 'ООО Гамма', fileKey: '2026-11-26', by: 'company' as const };
    const r = reviewPaste(parsed, { validate: badInn, skips: none, inBinder: [[], [], [], [match]] });
    expect(r.lines[3]!.duplicates).toContainEqual({ where: 'binder', match });
  });
});

describe('replaceLine', () => {
  it('replaces one line and keeps the others', () => {
    expect(replaceLine('a\r\nb\nc', 2, 'B')).toBe('a\nB\nc');
    expect(replaceLine('a', 3, 'x')).toBe('a');
  });
});
