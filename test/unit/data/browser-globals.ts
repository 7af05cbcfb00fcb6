/**
 * What dexie-export-import expects of a browser that Node lacks: `self`, and FileReader for
 * the chunks it reads from a Blob. Imported before the library is.
 */
const g = globalThis as unknown as { self?: unknown; FileReader?: unknown };
g.self ??= globalThis;

interface ReadEvent {
  target: NodeFileReader | { error: unknown };
}

class NodeFileReader {
  result: ArrayBuffer | null = null;
  onload: ((ev: ReadEvent) => void) | null = null;
  onerror: ((ev: ReadEvent) => void) | null = null;
  onabort: ((ev: ReadEvent) => void) | null = null;
  readAsArrayBuffer(blob: Blob): void {
    blob.arrayBuffer().then(
      (buf) => {
        this.result = buf;
        this.onload?.({ target: this });
      },
      (error: unknown) => this.onerror?.({ target: { error } }),
    );
  }
}
g.FileReader ??= NodeFileReader;
