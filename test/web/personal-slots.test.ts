// personal-slots: a page rendered once with stand-ins, cut where they fell,
// and filled for each person with their own values, escaped.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cutAtSlots, fillSlots as pieces, PERSONAL, PERSONAL_FIELDS, type PersonalValues, type SlottedPage } from '../../src/web/personal-slots.ts';

const PAT: PersonalValues = Object.freeze({ name: 'Pat Officer', email: 'pat@durham.example', organisationName: 'Durham County Council', csrfToken: 'pat-token', unreadReminders: '2' });
const SAM: PersonalValues = Object.freeze({ name: 'Sam <Adviser> & "Co"', email: 'sam@sector.example', organisationName: "Sector's body", csrfToken: 'sam-token', unreadReminders: '0' });

const page = [
  `<a href="/account">${PERSONAL.name}</a>`,
  `<form method="post" action="/sign-out"><input type="hidden" name="_csrf" value="${PERSONAL.csrfToken}"><button>Sign out</button></form>`,
  `<p>Drafts are seen only by ${PERSONAL.organisationName}.</p><input name="_csrf" value="${PERSONAL.csrfToken}">`,
].join('\n');

/** The bytes sent, as one text. */
const fillSlots = (page: SlottedPage, values: PersonalValues) => Buffer.concat(pieces(page, values));

describe('cutAtSlots(body) and fillSlots(page, values)', () => {
  it('puts each person’s own name, organisation and CSRF token where the stand-ins were, every time they occur', () => {
    const cut = cutAtSlots(page);
    assert.deepEqual(cut.slots, ['name', 'csrfToken', 'organisationName', 'csrfToken']);
    const forPat = fillSlots(cut, PAT).toString();
    assert.equal(forPat, page.replace(PERSONAL.name, 'Pat Officer').replaceAll(PERSONAL.csrfToken, 'pat-token').replace(PERSONAL.organisationName, 'Durham County Council'));
    assert.equal((forPat.match(/value="pat-token"/g) ?? []).length, 2, 'both forms carry Pat’s token');
  });

  it('escapes the values as the templates would have', () => {
    const forSam = fillSlots(cutAtSlots(page), SAM).toString();
    assert.match(forSam, /<a href="\/account">Sam &lt;Adviser&gt; &amp; &quot;Co&quot;<\/a>/);
    assert.match(forSam, /seen only by Sector&#39;s body\./);
    assert.ok(!forSam.includes('<Adviser>'));
  });

  it('serves two people from one cut page, each with nothing of the other’s', () => {
    const cut = cutAtSlots(page);
    const forPat = fillSlots(cut, PAT).toString();
    const forSam = fillSlots(cut, SAM).toString();
    assert.ok(!forPat.includes('sam-token') && !forPat.includes('Sam'));
    assert.ok(!forSam.includes('pat-token') && !forSam.includes('Pat'));
    assert.doesNotMatch(forPat + forSam, /lantern-slot-/);
  });

  it('keeps a page without stand-ins whole, and its bytes as they were (an image)', () => {
    const plain = cutAtSlots('<p>County Durham</p>');
    assert.deepEqual([plain.slots, plain.pieces.length, plain.bytes], [[], 1, 20]);
    assert.equal(fillSlots(plain, PAT).toString(), '<p>County Durham</p>');
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47]);
    assert.deepEqual(pieces(cutAtSlots(png), PAT), [png], 'sent as it was made');
  });

  it('counts a page’s bytes in UTF-8, as it is sent', () => {
    assert.equal(cutAtSlots(`Ynys Môn ${PERSONAL.name}`).bytes, Buffer.byteLength('Ynys Môn '));
  });

  it('makes stand-ins that no text a person could type is mistaken for: one per field, from random bytes', () => {
    const stands = Object.values(PERSONAL);
    assert.equal(new Set(stands).size, PERSONAL_FIELDS.length);
    for (const stand of stands) assert.match(stand, /^lantern-slot-[0-9a-f]{24}-[a-zA-Z]+$/);
    assert.deepEqual(cutAtSlots('lantern-slot-000000000000000000000000-name').slots, []);
  });
});
