// The entries of a ZIP archive (an XLSX or ODS spreadsheet is one), read from
// its central directory and unpacked as a stream of text with a limit.
//
// A spreadsheet is a ZIP of XML files, so a hostile one can be a ZIP bomb: a
// few kilobytes that unpack to gigabytes. Nothing here trusts the sizes the
// archive declares: each entry is inflated a slice at a time (fflate), its
// output counted, and reading stops as soon as it passes the entry's limit.
// Encrypted entries, ZIP64 archives (over 4 GB) and methods other than
// stored and deflated are refused.
import { Inflate } from 'fflate';

export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly packedSize: number;
  readonly declaredSize: number;
  /** Where the entry's data starts in the archive. */
  readonly dataOffset: number;
}

/** A problem with the archive, in words for the user. */
export class ZipError extends Error {
  /** `unpacksTooLarge`: the archive is readable but unpacks past Lantern's limit (a ZIP bomb), rather than damaged or of a kind Lantern does not read. */
  constructor(
    message: string,
    readonly unpacksTooLarge = false,
  ) {
    super(message);
  }
}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;
/** Compressed bytes handed to the inflater at a time: a 1,000-to-1 slice unpacks to at most 16 MB. */
const SLICE_BYTES = 16 * 1024;

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** The archive's entries by name; throws ZipError when its directory is damaged. */
export function zipEntries(archive: Buffer): Map<string, ZipEntry> {
  const end = findEndOfDirectory(archive);
  const count = archive.readUInt16LE(end + 10);
  const directoryOffset = archive.readUInt32LE(end + 16);
  if (count === 0xffff || directoryOffset === 0xffffffff) throw new ZipError('it is a ZIP64 archive (over 4 GB), which Lantern does not read');
  const entries = new Map<string, ZipEntry>();
  let at = directoryOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > archive.length || archive.readUInt32LE(at) !== DIRECTORY_ENTRY) throw new ZipError('its ZIP directory is damaged');
    const flags = archive.readUInt16LE(at + 8);
    const method = archive.readUInt16LE(at + 10);
    const packedSize = archive.readUInt32LE(at + 20);
    const declaredSize = archive.readUInt32LE(at + 24);
    const nameLength = archive.readUInt16LE(at + 28);
    const skip = nameLength + archive.readUInt16LE(at + 30) + archive.readUInt16LE(at + 32);
    const localOffset = archive.readUInt32LE(at + 42);
    const name = archive.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + skip;
    if (flags & 1) throw new ZipError(`it is encrypted (${name}): save it without a password`);
    if (localOffset + 30 > archive.length || archive.readUInt32LE(localOffset) !== LOCAL_HEADER) throw new ZipError('its ZIP directory is damaged');
    const dataOffset = localOffset + 30 + archive.readUInt16LE(localOffset + 26) + archive.readUInt16LE(localOffset + 28);
    if (dataOffset + packedSize > archive.length) throw new ZipError(`it is cut short: ${name} runs past the end of the file`);
    entries.set(name, { name, method, packedSize, declaredSize, dataOffset });
  }
  return entries;
}

function findEndOfDirectory(archive: Buffer): number {
  const last = Math.max(0, archive.length - 22 - 0xffff);
  for (let at = archive.length - 22; at >= last; at--) {
    if (archive.readUInt32LE(at) === END_OF_DIRECTORY) return at;
  }
  throw new ZipError('it is not a complete ZIP archive (no directory at its end)');
}

/** The most an entry may unpack to: a hundred times its packed size, at least 64 MB, at most 2 GB. */
export function unpackLimit(entry: ZipEntry): number {
  return Math.min(2 * 1024 ** 3, Math.max(64 * 1024 ** 2, entry.packedSize * 100));
}

/**
 * An entry's text (UTF-8), a piece at a time: each call of the returned
 * function unpacks one slice and hands its text to `onText`, and answers
 * whether there is more. Throws ZipError past the limit.
 */
export function entryText(archive: Buffer, entry: ZipEntry, onText: (text: string) => void, limit = unpackLimit(entry)): () => boolean {
  if (entry.method !== STORED && entry.method !== DEFLATED) throw new ZipError(`${entry.name} is packed by a method Lantern does not read (${entry.method})`);
  if (entry.declaredSize > limit) throw tooLarge(entry, limit);
  const decoder = new TextDecoder('utf-8');
  let unpacked = 0;
  const take = (bytes: Uint8Array, final: boolean) => {
    unpacked += bytes.length;
    if (unpacked > limit) throw tooLarge(entry, limit);
    const text = decoder.decode(bytes, { stream: !final });
    if (text !== '') onText(text);
  };
  const inflater = entry.method === DEFLATED ? new Inflate((bytes, final) => take(bytes, final)) : undefined;
  const end = entry.dataOffset + entry.packedSize;
  let at = entry.dataOffset;
  return () => {
    if (at >= end) return false;
    const slice = archive.subarray(at, Math.min(end, at + SLICE_BYTES));
    at += slice.length;
    try {
      if (inflater) inflater.push(slice, at >= end);
      else take(slice, at >= end);
    } catch (error) {
      if (!isFlateError(error)) throw error; // the reader's own refusal, from onText
      throw new ZipError(`${entry.name} cannot be unpacked: ${error.message}`);
    }
    return at < end;
  };
}

/** An entry's whole text, for the small parts of a spreadsheet (its list of sheets, its styles). */
export function wholeEntryText(archive: Buffer, entry: ZipEntry, limit = unpackLimit(entry)): string {
  const parts: string[] = [];
  const next = entryText(archive, entry, (text) => parts.push(text), limit);
  while (next()) {
    /* each call unpacks one slice */
  }
  return parts.join('');
}

/** fflate's errors carry a numeric code. */
function isFlateError(error: unknown): error is Error {
  return error instanceof Error && typeof (error as { code?: unknown }).code === 'number';
}

function tooLarge(entry: ZipEntry, limit: number): ZipError {
  return new ZipError(
    `${entry.name} unpacks to more than ${Math.round(limit / 1024 ** 2)} MB from ${Math.ceil(entry.packedSize / 1024).toLocaleString('en-GB')} KB packed: ` +
      'it looks like a ZIP bomb, so Lantern stopped reading it',
    true,
  );
}
