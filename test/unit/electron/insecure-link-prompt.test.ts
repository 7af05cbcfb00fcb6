import { describe, expect, it, vi } from 'vitest';
import type { BrowserWindow, MessageBoxOptions } from 'electron';
import { createInsecureLinkConfirm, insecureLinkPrompt } from '../../../electron/insecure-link-prompt';

describe('the question before a plain-http link', () => {
  it('names the host and shows the link in the interface language, Cancel by default', () => {
    const en = insecureLinkPrompt('en', 'http://portal.example.com/price?id=1');
    expect(en.message).toBe('Open portal.example.com over an unprotected connection?');
    expect(en.detail).toContain('http://portal.example.com/price?id=1');
    expect(en.buttons).toEqual(['Open', 'Cancel']);
    expect(en.defaultId).toBe(1);
    expect(en.cancelId).toBe(1);

    const ru = insecureLinkPrompt('ru', 'http://portal.example.com/price?id=1');
    expect(ru.message).toBe('Открыть portal.example.com по незащищённому соединению?');
    expect(ru.detail).toContain('http://portal.example.com/price?id=1');
    expect(ru.buttons).toEqual(['Открыть', 'Отмена']);
  });

  it('cuts a very long link but keeps the host whole', () => {
    const url = `http://example.com/${'a'.repeat(2000)}`;
    const p = insecureLinkPrompt('en', url);
    expect(p.message).toContain('example.com');
    expect(p.detail!.length).toBeLessThan(600);
    expect(p.detail).toContain('…');
  });

  it('opens only on the Open button, asking over the app window in the current language', async () => {
    const win = {} as BrowserWindow;
    const asked: { parent: unknown; options: MessageBoxOptions }[] = [];
    let answer = 0;
    const dialog = {
      showMessageBox: vi.fn(async (parent: unknown, options?: MessageBoxOptions) => {
        asked.push({ parent, options: options ?? (parent as MessageBoxOptions) });
        return { response: answer, checkboxChecked: false };
      }),
    };
    let locale: 'en' | 'ru' = 'ru';
    const confirm = createInsecureLinkConfirm({ dialog: dialog as never, getWindow: () => win, locale: () => locale });
    expect(await confirm('http://example.com/')).toBe(true);
    answer = 1;
    locale = 'en';
    expect(await confirm('http://example.com/')).toBe(false);
    expect(asked.map((a) => a.parent)).toEqual([win, win]);
    expect(asked.map((a) => a.options.buttons![0])).toEqual(['Открыть', 'Open']);
  });
});
