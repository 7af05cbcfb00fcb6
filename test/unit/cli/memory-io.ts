import type { CliIo } from '../../../shared/cli/commands';
import { joinChunks } from '../../../shared/workbook/xlsx-stream-writer';

/** An in-memory file system for the pure CLI commands. */
export function memoryIo(files: Record<string, Uint8Array> = {}): CliIo & { files: Record<string, Uint8Array> } {
  return {
    files,
    readFile(path) {
      const f = files[path];
      if (!f) throw new Error(`ENOENT: no such file '${path}'`);
      return f;
    },
    writeFile(path, data) {
      files[path] = data instanceof Uint8Array ? data : joinChunks(data);
    },
  };
}
