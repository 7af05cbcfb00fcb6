import fs from 'node:fs';
import { createRequire } from 'node:module';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';

// The packaging config as electron-builder reads it (it parses the YAML with js-yaml too).
const config = load(fs.readFileSync('electron-builder.yml', 'utf8')) as { asar?: unknown; electronFuses?: Record<string, unknown> };

describe('packaged app fuses', () => {
  it('turn off Node entry points and file:// privileges and load only the checked app.asar', () => {
    expect(config.asar).toBe(true);
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('are spelt as electron-builder knows them (a misspelt fuse would be ignored)', () => {
    const require = createRequire(import.meta.url);
    const scheme = require('app-builder-lib/scheme.json') as { definitions: { FuseOptionsV1: { properties: Record<string, unknown> } } };
    const known = Object.keys(scheme.definitions.FuseOptionsV1.properties);
    expect(Object.keys(config.electronFuses ?? {})).not.toHaveLength(0);
    for (const key of Object.keys(config.electronFuses ?? {})) expect(known).toContain(key);
  });
});
