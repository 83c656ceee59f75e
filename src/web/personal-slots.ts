// A page made once for everyone who may read the same things, with the few
// things that are one person's own left as slots: their name and email in
// the header, their organisation's name, the CSRF token in forms, and how
// many of their reminders they have not read (the home page). A page is
// rendered with a stand-in for each (`PERSONAL`), cut into pieces where the
// stand-ins fell (`cutAtSlots`), and put back together for each person as
// it is sent (`fillSlots`), their values escaped as the templates would have
// escaped them.
//
// The stand-ins are made afresh by each process from random bytes, so no
// figure, name or title in the store can contain one. A template must print
// a personal field as it is (`{{ user.name }}`): a filter that changes the
// text (`| upper`) would leave the stand-in unrecognised, and a page with
// it would show the stand-in rather than anyone's name.
import crypto from 'node:crypto';

export const PERSONAL_FIELDS = ['name', 'email', 'organisationName', 'csrfToken', 'unreadReminders'] as const;
export type PersonalField = (typeof PERSONAL_FIELDS)[number];
export type PersonalValues = Readonly<Record<PersonalField, string>>;

const STEM = `lantern-slot-${crypto.randomBytes(12).toString('hex')}-`;
const SLOT = new RegExp(`${STEM}(${PERSONAL_FIELDS.join('|')})`, 'g');

/** The stand-in rendered in place of each personal field. */
export const PERSONAL: PersonalValues = Object.freeze(Object.fromEntries(PERSONAL_FIELDS.map((field) => [field, STEM + field])) as Record<PersonalField, string>);

/** A page cut where its personal fields go: pieces[0], slot 0, pieces[1], …, slot n-1, pieces[n]. */
export interface SlottedPage {
  readonly pieces: readonly Buffer[];
  readonly slots: readonly PersonalField[];
  readonly bytes: number;
}

export function cutAtSlots(body: string | Buffer): SlottedPage {
  if (typeof body !== 'string') return { pieces: [body], slots: [], bytes: body.length };
  const pieces: Buffer[] = [];
  const slots: PersonalField[] = [];
  let from = 0;
  for (const match of body.matchAll(SLOT)) {
    pieces.push(Buffer.from(body.slice(from, match.index)));
    slots.push(match[1] as PersonalField);
    from = match.index + match[0].length;
  }
  pieces.push(Buffer.from(body.slice(from)));
  return { pieces, slots, bytes: pieces.reduce((sum, piece) => sum + piece.length, 0) };
}

/** The page for one person, as the pieces to send in turn: its own, and their values, HTML-escaped, between them. Nothing is copied. */
export function fillSlots(page: SlottedPage, values: PersonalValues): Buffer[] {
  const parts: Buffer[] = [page.pieces[0]!];
  page.slots.forEach((field, i) => parts.push(Buffer.from(escapeHtml(values[field])), page.pieces[i + 1]!));
  return parts;
}

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '"': '&quot;', "'": '&#39;', '<': '&lt;', '>': '&gt;', '\\': '&#92;' };

/** As Nunjucks' autoescape escapes a printed value (its lib.escape, which its types do not declare). */
function escapeHtml(text: string): string {
  return text.replace(/[&"'<>\\]/g, (c) => ESCAPES[c]!);
}
