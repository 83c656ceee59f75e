// The public data beside the project, read where it lies.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Readable } from 'node:stream';

export const PROJECT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SHARED_DATA = path.resolve(PROJECT_DIR, '..', 'shared', 'data');

export function sharedFile(...parts: string[]): string {
  return path.join(SHARED_DATA, ...parts);
}

export function textStream(text: string | Buffer): Readable {
  return Readable.from([typeof text === 'string' ? Buffer.from(text, 'utf8') : text]);
}
