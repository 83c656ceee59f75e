// The support offer kept with Lantern (data/support-offer/offers.json, see
// its PROVENANCE.md), read by the domain's reader. An offer it refuses is an
// error naming the file and the field, since the file is Lantern's own.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readSupportOffer, type SupportOffer } from '../domain/peer-challenge/index.ts';

export const SUPPORT_OFFER_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'data', 'support-offer', 'offers.json');

let kept: SupportOffer | undefined;

/** The offer in `file`, read once per process for the kept file. */
export function keptSupportOffer(file = SUPPORT_OFFER_FILE): SupportOffer {
  if (file === SUPPORT_OFFER_FILE && kept) return kept;
  const read = readSupportOffer(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (read.kind === 'invalid') throw new Error(`${path.basename(file)}: ${read.problems.map((p) => p.message).join('; ')}`);
  if (file === SUPPORT_OFFER_FILE) kept = read.offer;
  return read.offer;
}
