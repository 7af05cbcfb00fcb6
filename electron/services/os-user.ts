/**
 * The name of the person logged into the computer, to prefill the first run's "Your name"
 * (every record is signed with it). The full name where the system keeps one (the GECOS
 * field of /etc/passwd on Linux), else the login name; '' when neither is known. Never
 * thrown: a name is a convenience, the manager can always type one.
 */
import fs from 'node:fs';
import os from 'node:os';

export interface OsUserSources {
  userInfo(): { username: string; uid: number };
  readPasswd(): string | undefined;
  env: Record<string, string | undefined>;
  platform: NodeJS.Platform;
}

const defaultSources: OsUserSources = {
  userInfo: () => os.userInfo(),
  readPasswd: () => {
    try {
      return fs.readFileSync('/etc/passwd', 'utf8');
    } catch {
      return undefined;
    }
  },
  env: process.env,
  platform: process.platform,
};

/** The GECOS full name of `uid` ("Anna Smirnova,,," -> "Anna Smirnova"). */
export function fullNameFromPasswd(passwd: string, uid: number): string {
  for (const line of passwd.split('\n')) {
    const f = line.split(':');
    if (f.length >= 5 && Number(f[2]) === uid) return (f[4] ?? '').split(',')[0]!.trim();
  }
  return '';
}

export function osUserName(src: OsUserSources = defaultSources): string {
  let login = '';
  let uid = -1;
  try {
    const info = src.userInfo();
    login = info.username;
    uid = info.uid;
  } catch {
    login = src.env.USERNAME ?? src.env.USER ?? '';
  }
  const full = src.platform !== 'win32' && uid >= 0 ? fullNameFromPasswd(src.readPasswd() ?? '', uid) : '';
  // Control characters never reach the page; the settings allow 200 characters.
  return (full || login).replace(/[\p{Cc}\p{Cf}]/gu, '').trim().slice(0, 200);
}
