/**
 * Sizes a workbook's zip entries before SheetJS opens it, so a small hostile file (a
 * "deflate bomb": 540 KB that inflates to 400 MB) is refused in well under a second and in
 * little memory instead of taking the app or the CLI down.
 *
 * Why not trust SheetJS: it allocates each entry's output at the size the entry's local
 * header declares, and grows it without limit when that header says 0 (entries written
 * with a trailing data descriptor). So the declared sizes are checked here, and an entry
 * whose local header declares nothing is inflated once, streaming, counting bytes and
 * stopping at the limit (fflate: a small, well-kept, dependency-free inflate that runs the
 * same in the window, a worker and Node).
 *
 * Our own 100,000-dossier / 1,000,000-history workbook unpacks to about 480 MB, its largest
 * entry to about 180 MB, at under 3:1; spreadsheets of repeated rows reach 20-50:1.
 */
import { Inflate } from 'fflate';

export interface ZipLimits {
  /** The most one entry may unpack to. */
  maxEntryBytes: number;
  /** The most all entries together may unpack to. */
  maxTotalBytes: number;
  /** An entry larger than ratioFloorBytes may unpack to at most this many times its packed size. */
  maxRatio: number;
  ratioFloorBytes: number;
  maxEntries: number;
}

const MB = 1024 * 1024;

export const ZIP_LIMITS: ZipLimits = {
  maxEntryBytes: 1024 * MB,
  maxTotalBytes: 2048 * MB,
  maxRatio: 100,
  ratioFloorBytes: 32 * MB,
  maxEntries: 10_000,
};

export type ZipVerdict =
  | { ok: true; totalBytes: number }
  | { ok: false; reason: 'entry-too-large' | 'total-too-large' | 'ratio' | 'too-many-entries'; entry?: string; bytes: number; limit: number };

const EOCD = 0x06054b50;
const EOCD64_LOCATOR = 0x07064b50;
const EOCD64 = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

class Reader {
  private readonly view: DataView;
  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  has(at: number, n: number): boolean {
    return at >= 0 && at + n <= this.bytes.length;
  }
  u16(at: number): number {
    return this.view.getUint16(at, true);
  }
  u32(at: number): number {
    return this.view.getUint32(at, true);
  }
  u64(at: number): number {
    return this.u32(at) + this.u32(at + 4) * 2 ** 32;
  }
}

/** The zip64 extra field (0x0001) carries the real sizes where the 32-bit ones say 0xFFFFFFFF. */
function zip64Sizes(r: Reader, at: number, len: number, usz: number, csz: number): { usz: number; csz: number } {
  const end = at + len;
  for (let p = at; p + 4 <= end && r.has(p, 4); ) {
    const id = r.u16(p);
    const size = r.u16(p + 2);
    if (id === 0x0001) {
      let q = p + 4;
      if (usz === 0xffffffff && q + 8 <= end && r.has(q, 8)) { usz = r.u64(q); q += 8; }
      if (csz === 0xffffffff && q + 8 <= end && r.has(q, 8)) csz = r.u64(q);
      break;
    }
    p += 4 + size;
  }
  return { usz, csz };
}

function findEocd(r: Reader): number {
  // The record is 22 bytes plus a comment of at most 65,535.
  const stop = Math.max(0, r.bytes.length - 22 - 65_535);
  for (let p = r.bytes.length - 22; p >= stop; p--) if (r.u32(p) === EOCD) return p;
  return -1;
}

/** Bytes an entry really inflates to, counting and stopping once past `limit`. */
function inflatedSize(data: Uint8Array, limit: number): number {
  let total = 0;
  const inflate = new Inflate((chunk) => {
    total += chunk.length;
    if (total > limit) throw new RangeError('limit');
  });
  const CHUNK = 64 * 1024;
  try {
    for (let p = 0; p < data.length; p += CHUNK) inflate.push(data.subarray(p, p + CHUNK), p + CHUNK >= data.length);
  } catch (e) {
    if (e instanceof RangeError && e.message === 'limit') return total;
    // A broken stream is SheetJS's to report as damaged; it cannot grow past what was counted.
  }
  return total;
}

/** One entry of the zip's central directory, with where its data starts (from its local header). */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  /** Packed and unpacked sizes as the central directory says (the unpacked one is 0 when unknown). */
  csz: number;
  usz: number;
  /** The unpacked size the local header declares (0: none, sizes in a trailing data descriptor). */
  localUsz: number;
  /** Offset of the packed data, or -1 when the local header cannot be read. */
  dataAt: number;
}

/** The central directory's entries, or undefined when the bytes hold no readable directory. */
export function zipEntries(bytes: Uint8Array, maxEntries = ZIP_LIMITS.maxEntries): { entries: ZipEntry[]; count: number } | undefined {
  const r = new Reader(bytes);
  if (bytes.length < 22) return undefined;
  const eocd = findEocd(r);
  if (eocd < 0) return undefined;
  let count = r.u16(eocd + 10);
  let dir = r.u32(eocd + 16);
  const loc = eocd - 20;
  if ((count === 0xffff || dir === 0xffffffff) && r.has(loc, 20) && r.u32(loc) === EOCD64_LOCATOR) {
    const at = r.u64(loc + 8);
    if (r.has(at, 56) && r.u32(at) === EOCD64) {
      count = r.u64(at + 32);
      dir = r.u64(at + 48);
    }
  }
  const entries: ZipEntry[] = [];
  if (count > maxEntries) return { entries, count };
  const names = new TextDecoder();
  let p = dir;
  for (let i = 0; i < count && r.has(p, 46) && r.u32(p) === CENTRAL; i++) {
    const method = r.u16(p + 10);
    const nameLen = r.u16(p + 28);
    const extraLen = r.u16(p + 30);
    const commentLen = r.u16(p + 32);
    const name = names.decode(bytes.subarray(p + 46, Math.min(bytes.length, p + 46 + nameLen)));
    const { usz, csz } = zip64Sizes(r, p + 46 + nameLen, extraLen, r.u32(p + 24), r.u32(p + 20));
    const offset = r.u32(p + 42);
    p += 46 + nameLen + extraLen + commentLen;
    let localUsz = 0;
    let localCsz = 0;
    let dataAt = -1;
    // (A zip64 offset, 0xFFFFFFFF, points past 4 GB: no such file is read at all.)
    if (r.has(offset, 30) && r.u32(offset) === LOCAL) {
      const lNameLen = r.u16(offset + 26);
      const lExtraLen = r.u16(offset + 28);
      const local = zip64Sizes(r, offset + 30 + lNameLen, lExtraLen, r.u32(offset + 22), r.u32(offset + 18));
      localUsz = local.usz;
      localCsz = local.csz;
      dataAt = offset + 30 + lNameLen + lExtraLen;
    }
    entries.push({ name, method, csz: Math.max(csz, localCsz), usz, localUsz, dataAt });
  }
  return { entries, count };
}

/** The most an entry may unpack to before it counts as a bomb (its size, or its ratio). */
export function entryLimit(csz: number, limits: ZipLimits = ZIP_LIMITS): number {
  return Math.min(limits.maxEntryBytes, Math.max(limits.ratioFloorBytes, limits.maxRatio * Math.max(csz, 1)));
}

export interface CheckOptions {
  /**
   * Inflate entries whose local header declares no size, to count them (what SheetJS needs:
   * it sizes its output by that header). The streaming reader counts as it inflates instead.
   */
  inflateUndeclared?: boolean;
}

/**
 * Checks the declared (and, where nothing is declared, the real) unpacked sizes of every
 * entry. Bytes that are not a zip, or whose directory cannot be read, pass: the workbook
 * reader reports those as not a workbook or damaged.
 */
export function checkZipSizes(bytes: Uint8Array, limits: ZipLimits = ZIP_LIMITS, opts: CheckOptions = {}): ZipVerdict {
  const dir = zipEntries(bytes, limits.maxEntries);
  if (!dir) return { ok: true, totalBytes: 0 };
  if (dir.count > limits.maxEntries) return { ok: false, reason: 'too-many-entries', bytes: dir.count, limit: limits.maxEntries };
  let total = 0;
  for (const e of dir.entries) {
    let usz = e.usz;
    // SheetJS sizes its output by the local header, so that is the size that counts too.
    if (e.dataAt >= 0) {
      if (e.method === 8 && e.localUsz === 0 && e.csz > 0) {
        // Counting stops as soon as either limit below is passed, so a bomb costs milliseconds.
        if (opts.inflateUndeclared !== false) {
          usz = Math.max(usz, inflatedSize(bytes.subarray(e.dataAt, Math.min(bytes.length, e.dataAt + e.csz)), entryLimit(e.csz, limits)));
        }
      } else {
        usz = Math.max(usz, e.localUsz);
      }
    }
    if (usz > limits.maxEntryBytes) return { ok: false, reason: 'entry-too-large', entry: e.name, bytes: usz, limit: limits.maxEntryBytes };
    if (usz > limits.ratioFloorBytes && usz > limits.maxRatio * Math.max(e.csz, 1)) {
      return { ok: false, reason: 'ratio', entry: e.name, bytes: usz, limit: limits.maxRatio };
    }
    total += usz;
    if (total > limits.maxTotalBytes) return { ok: false, reason: 'total-too-large', bytes: total, limit: limits.maxTotalBytes };
  }
  return { ok: true, totalBytes: total };
}
