import { mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../shared/cli/commands';
import { nodeCliIo } from '../../../scripts/cli-io';
import { exportWorkbook, smallPortfolio } from '../workbook/fixtures';

const folder = (): string => mkdtempSync(join(tmpdir(), 'tickler-cli-'));

describe('the CLI on real files', () => {
  it('refuses to write the merge over one of its inputs, by any name, and leaves it intact', () => {
    const dir = folder();
    const base = join(dir, 'base.xlsx');
    const bytes = exportWorkbook(smallPortfolio());
    writeFileSync(base, bytes);
    writeFileSync(join(dir, 'in.xlsx'), bytes);
    symlinkSync(base, join(dir, 'link.xlsx'));
    for (const out of [base, join(dir, '.', 'base.xlsx'), join(dir, 'link.xlsx')]) {
      const r = runCli(['merge', base, join(dir, 'in.xlsx'), '-o', out], nodeCliIo());
      expect(r.exitCode).toBe(1);
      expect(r.lines.join('\n')).toContain('input files');
    }
    expect(new Uint8Array(readFileSync(base))).toEqual(bytes);
  });

  it('writes atomically: the result appears whole and no temporary file is left', () => {
    const dir = folder();
    const out = join(dir, 'demo.xlsx');
    writeFileSync(out, 'old contents');
    const r = runCli(['demo', out, '--dossiers', '3', '--today', '2026-12-01'], nodeCliIo());
    expect(r.exitCode).toBe(0);
    expect(readdirSync(dir)).toEqual(['demo.xlsx']);
    expect(runCli(['validate', out], nodeCliIo()).exitCode).toBe(0);
  });
});
