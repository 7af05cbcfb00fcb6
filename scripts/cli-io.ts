/**
 * The CLI's file access on Node. Writes are atomic (a temporary file beside the target,
 * then a rename), so an interrupted run never leaves half a workbook; and a command may not
 * write over a file it read in the same run (`merge a.xlsx b.xlsx -o a.xlsx` would destroy
 * the base it is merging).
 */
import { closeSync, fsyncSync, openSync, readFileSync, realpathSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { CliIo } from '../shared/cli/commands';

function canonical(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    // Not there yet: its folder may still be a link.
    try {
      return join(realpathSync(dirname(resolve(path))), basename(path));
    } catch {
      return resolve(path);
    }
  }
}

export function nodeCliIo(): CliIo {
  const inputs = new Set<string>();
  return {
    readFile(path) {
      const data = new Uint8Array(readFileSync(path));
      inputs.add(canonical(path));
      return data;
    },
    writeFile(path, data) {
      const target = canonical(path);
      if (inputs.has(target)) throw new Error(`${path} is one of this command's input files; write the result to another file`);
      const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
      try {
        const fd = openSync(tmp, 'w');
        try {
          // A large workbook comes as its compressed chunks: written one by one, never joined.
          for (const chunk of data instanceof Uint8Array ? [data] : data) writeSync(fd, chunk);
          fsyncSync(fd);
        } finally {
          closeSync(fd);
        }
        renameSync(tmp, target);
      } catch (e) {
        rmSync(tmp, { force: true });
        throw e;
      }
    },
  };
}
