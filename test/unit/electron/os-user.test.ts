import { describe, expect, it } from 'vitest';
import { fullNameFromPasswd, osUserName, type OsUserSources } from '../../../electron/services/os-user';

const PASSWD = ['root:x:0:0:root:/root:/bin/bash', 'anna:x:1000:1000:Anna Smirnova,,,:/home/anna:/bin/bash', 'boris:x:1001:1001::/home/boris:/bin/sh'].join('\n');

function sources(over: Partial<OsUserSources>): OsUserSources {
  return { userInfo: () => ({ username: 'anna', uid: 1000 }), readPasswd: () => PASSWD, env: {}, platform: 'linux', ...over };
}

describe('the OS user name that prefills the first run', () => {
  it('is the full name where the system keeps one, without the GECOS commas', () => {
    expect(fullNameFromPasswd(PASSWD, 1000)).toBe('Anna Smirnova');
    expect(osUserName(sources({}))).toBe('Anna Smirnova');
  });

  it('falls back to the login name, and to the environment when the system cannot say', () => {
    expect(osUserName(sources({ userInfo: () => ({ username: 'boris', uid: 1001 }) }))).toBe('boris');
    expect(osUserName(sources({ platform: 'win32', userInfo: () => ({ username: 'Boris', uid: -1 }) }))).toBe('Boris');
    expect(osUserName(sources({ userInfo: () => { throw new Error('no passwd entry'); }, env: { USER: 'ci' } }))).toBe('ci');
    expect(osUserName(sources({ userInfo: () => { throw new Error('no passwd entry'); }, readPasswd: () => undefined }))).toBe('');
  });

  it('never passes control characters to the page', () => {
    expect(osUserName(sources({ readPasswd: () => 'anna:x:1000:1000:Anna\u0007 \u202eSmirnova:/home/anna:/bin/sh' }))).toBe('Anna Smirnova');
  });
});
