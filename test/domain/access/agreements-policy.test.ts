// decide() for agreements of targets, every cell written out by hand from
// issue 18: a draft is read by the holding council, its partners and those who
// oversee agreements (government office, sector body, regional partners);
// signed-off targets are public; reviews' reasons and risks are read by the
// same and by inspectorates, unless published. Councils' performance officers
// of the holder and its partners change them; no one shares them. Another
// council's officer is neither in the audience nor a partner.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  decide,
  guardedRecord,
  PUBLIC_VIEWER,
  SESSION_ACTIONS,
  type Action,
  type Classification,
  type Decision,
  type RecordKind,
  type UserViewer,
  type Viewer,
} from '../../../src/domain/access/index.ts';
import { CAST, DURHAM, ORG } from './cast.ts';

const NOW = Date.UTC(2025, 5, 1, 9, 30);
const cell = (decision: Decision) => (decision.allowed ? 'allow' : decision.reason);
const PARTNER_ORG = ORG.recipient;
const other = (userId: number, organisationId: number, councilArea: string): UserViewer =>
  Object.freeze({ kind: 'user', userId, role: 'performance_officer', organisationId, councilArea, actions: SESSION_ACTIONS });
const VIEWERS: Readonly<Record<string, Viewer>> = { public: PUBLIC_VIEWER, ...CAST, partner: other(301, PARTNER_ORG, 'E06000001'), otherCouncil: other(302, 99, 'E06000002') };

type Row = readonly [read: string, change: string];
const NOT_ALLOWED = ['not_in_audience', 'role'] as const;
const READS = ['allow', 'role'] as const;
const WRITES = ['allow', 'allow'] as const;

/** A draft agreement or target, restricted to the holder, its partners and those who oversee agreements. */
const DRAFT: Readonly<Record<string, Row>> = {
  public: ['sign_in_required', 'sign_in_required'],
  performance_officer: WRITES,
  council_member: READS,
  principal_adviser: READS,
  regional_partner: READS,
  panel_member: NOT_ALLOWED,
  government_officer: READS,
  inspector: NOT_ALLOWED,
  peer_challenge_manager: NOT_ALLOWED,
  administrator: NOT_ALLOWED,
  partner: WRITES,
  otherCouncil: ['not_in_audience', 'not_author'],
};

/** Signed off: public; still changed (in a refresh) only by the holder and its partners. */
const SIGNED: Readonly<Record<string, Row>> = Object.fromEntries(Object.entries(DRAFT).map(([who, [, change]]) => [who, ['allow', who === 'otherCouncil' ? 'not_author' : change] as const]));

/** A review not published: as a draft, and inspectorates read its reasons and risks too. */
const REVIEW: Readonly<Record<string, Row>> = { ...DRAFT, inspector: READS };

const record = (kind: RecordKind, classification: Classification) =>
  guardedRecord(kind, classification, { subjectArea: DURHAM, ownerOrganisation: ORG.durham, sharedWithOrganisations: [PARTNER_ORG] });

function walk(label: string, kind: RecordKind, classification: Classification, table: Readonly<Record<string, Row>>) {
  describe(label, () => {
    for (const [who, [read, change]] of Object.entries(table)) {
      it(`${who}: read ${read}, change ${change}, share not_possible`, () => {
        const answer = (action: Action) => cell(decide(VIEWERS[who]!, action, record(kind, classification), NOW));
        assert.deepEqual([answer('read'), answer('change'), answer('share')], [read, change, 'not_possible']);
      });
    }
  });
}

walk('a draft agreement', 'agreement', 'restricted', DRAFT);
walk("a draft agreement's target", 'target', 'restricted', DRAFT);
walk('a signed-off agreement', 'agreement', 'public', SIGNED);
walk('a signed-off target', 'target', 'public', SIGNED);
walk('a progress review not published, with its reasons and risks', 'progress_review', 'restricted', REVIEW);
walk('a published progress review', 'progress_review', 'public', SIGNED);

describe('the oversight of agreements reaches only restricted records', () => {
  it('a confidential agreement record is not read by the government office', () => {
    assert.equal(cell(decide(CAST.government_officer, 'read', guardedRecord('agreement', 'confidential', { ownerOrganisation: ORG.durham }), NOW)), 'not_in_audience');
  });
});
