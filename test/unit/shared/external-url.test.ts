import { describe, expect, it } from 'vitest';
import { externalUrlVerdict, isAllowedExternalUrl } from '../../../shared/external-url';

describe('links that leave the app', () => {
  it.each([
    'https://example.com',
    'https://portal.example.ru/path?q=1#top',
    'tel:+79990000000',
    'tel:+7 (999) 000-00-00',
    'tel:+40212345678;ext=12',
    'mailto:client@example.ru',
    'mailto:%D0%B8%D0%B2%D0%B0%D0%BD@%D0%BF%D1%80%D0%B8%D0%BC%D0%B5%D1%80.%D1%80%D1%84',
    'mailto:a@b.ru,c@d.ro',
    'mailto:a@b.ru?subject=Offer&body=Hello%20there',
    'mailto:a@b.ru?cc=boss@b.ru&bcc=me@c.ro',
  ])('open %s', (url) => {
    expect(externalUrlVerdict(url)).toBe('open');
    expect(isAllowedExternalUrl(url)).toBe(true);
  });

  it.each(['http://example.com', 'http://192.168.0.10:8080/crm', 'HTTP://EXAMPLE.COM/'])('ask first for plain http: %s', (url) => {
    expect(externalUrlVerdict(url)).toBe('ask');
  });

  it.each([
    // Schemes that reach the disk, the network shares, scripts or other programs.
    'file:///etc/passwd',
    'javascript:alert(1)',
    'smb://host/share',
    'ms-settings:',
    'vbscript:msgbox',
    'data:text/html,<script>1</script>',
    'app://tickler/index.html',
    'nonsense',
    '',
    // mailto: one valid recipient at least, valid cc/bcc, no fields that attach files.
    'mailto:',
    'mailto:not-an-address',
    'mailto:a@b',
    'mailto:a b@c.ru',
    'mailto:a@b.ru,broken',
    'mailto:a@b.ru%0D%0ABcc:all@evil.example',
    'mailto:a@b.ru?attach=/home/user/.ssh/id_rsa',
    'mailto:a@b.ru?Attachment=C:%5Cboot.ini',
    'mailto:a@b.ru?cc=nobody',
    'mailto:%E0%A4%A@b.ru',
    // tel: a number, nothing else.
    'tel:',
    'tel:+',
    'tel:call-me',
    'tel:+79990000000?x=1',
  ])('refuse %s', (url) => {
    expect(externalUrlVerdict(url)).toBe('refuse');
    expect(isAllowedExternalUrl(url)).toBe(false);
  });
});
