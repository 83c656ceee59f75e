// decide(viewer, action, record, now): every cell of role × classification ×
// action for an intelligence item (the table in expected-matrix.ts), then the
// rules around it: shares widen the audience, early sight and its embargo, the
// log of shares, the audit trail, API token scopes, and properties that hold
// for any viewer and record.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  ACTIONS,
  CLASSIFICATIONS,
  RECORD_KINDS,
  ROLES,
  decide,
  describeDenial,
  guardedRecord,
  metricClassification,
  permits,
  PUBLIC_VIEWER,
  type Action,
  type Decision,
  type GuardedRecord,
  type UserViewer,
  type Viewer,
} from '../../../src/domain/access/index.ts';
import { AUTHOR, CAST, DURHAM, ORG } from './cast.ts';
import { EXPECTED, type Cell, type Who } from './expected-matrix.ts';

const NOW = Date.UTC(2025, 5, 1, 9, 30);
const cell = (decision: Decision): Cell => (decision.allowed ? 'allow' : decision.reason);
const viewerOf = (who: Who): Viewer => (who === 'public' ? PUBLIC_VIEWER : who === 'author' ? AUTHOR : CAST[who]);

const item = (classification: GuardedRecord['classification'], fields: Partial<GuardedRecord> = {}) =>
  Object.freeze(
    guardedRecord('intelligence_item', classification, {
      subjectArea: DURHAM,
      ownerOrganisation: ORG.sectorBody,
      author: AUTHOR.userId,
      shareable: true,
      ...fields,
    }),
  );

describe('decide(viewer, action, record, now): the matrix of role × classification × action', () => {
  for (const classification of CLASSIFICATIONS) {
    for (const who of ['public', 'author', ...ROLES] as const) {
      for (const action of ACTIONS) {
        const expected = EXPECTED[classification][who][action];
        it(`${who} ${action} a ${classification} intelligence item: ${expected}`, () => {
          assert.equal(cell(decide(viewerOf(who), action, item(classification), NOW)), expected);
        });
      }
    }
  }

  it('every cell is written out: 4 classifications × 11 kinds of viewer × 3 actions', () => {
    const cells = CLASSIFICATIONS.flatMap((c) => Object.values(EXPECTED[c]).flatMap((row) => ACTIONS.map((a) => row[a])));
    assert.equal(cells.length, 4 * 11 * 3);
  });

  it('marks reads of restricted and confidential records as audited, and no others', () => {
    for (const classification of CLASSIFICATIONS) {
      const decision = decide(AUTHOR, 'read', item(classification), NOW);
      assert.deepEqual(decision, { allowed: true, audited: classification === 'restricted' || classification === 'confidential' });
    }
  });
});

describe('shares widen the audience of a restricted or confidential record', () => {
  it('a share with an organisation lets each of its members read, not change', () => {
    const shared = item('confidential', { sharedWithOrganisations: [ORG.region] });
    assert.equal(cell(decide(CAST.regional_partner, 'read', shared, NOW)), 'allow');
    assert.equal(cell(decide(CAST.regional_partner, 'change', shared, NOW)), 'role');
    assert.equal(cell(decide(CAST.panel_member, 'read', shared, NOW)), 'not_in_audience');
  });

  it('a share with a person lets that person read, and no one else in their organisation', () => {
    const shared = item('confidential', { sharedWithUsers: [CAST.council_member.userId] });
    assert.equal(cell(decide(CAST.council_member, 'read', shared, NOW)), 'allow');
    assert.equal(cell(decide(CAST.performance_officer, 'read', shared, NOW)), 'not_in_audience');
  });

  it('a colleague whom a confidential item is shared with may read it but not share it on', () => {
    const shared = item('confidential', { sharedWithUsers: [CAST.principal_adviser.userId] });
    assert.equal(cell(decide(CAST.principal_adviser, 'read', shared, NOW)), 'allow');
    assert.equal(cell(decide(CAST.principal_adviser, 'share', shared, NOW)), 'not_author');
  });

  it('the council an item is about does not read it unless it is shared with the council', () => {
    assert.equal(cell(decide(CAST.council_member, 'read', item('restricted'), NOW)), 'not_in_audience');
    assert.equal(cell(decide(CAST.council_member, 'read', item('restricted', { sharedWithOrganisations: [ORG.durham] }), NOW)), 'allow');
  });

  it('an item without evidence cannot be shared, even by its author', () => {
    assert.equal(cell(decide(AUTHOR, 'share', item('confidential', { shareable: false }), NOW)), 'no_evidence');
    assert.equal(cell(decide(AUTHOR, 'change', item('confidential', { shareable: false }), NOW)), 'allow');
  });

  it('administrators never read intelligence that is not shared with them', () => {
    for (const classification of ['restricted', 'confidential'] as const) {
      assert.equal(cell(decide(CAST.administrator, 'read', item(classification), NOW)), 'not_in_audience');
    }
  });
});

describe('early sight: the embargo', () => {
  const EMBARGO = Date.UTC(2025, 6, 1, 9, 30);
  const release = (subjectArea: string | null, fields: Partial<GuardedRecord> = {}) =>
    guardedRecord('observation', metricClassification('early_sight'), {
      subjectArea,
      subjectReads: true,
      embargoUntil: EMBARGO,
      sharedWithOrganisations: [ORG.region],
      ...fields,
    });

  it('metrics with status early_sight are born restricted; the rest public', () => {
    assert.equal(metricClassification('early_sight'), 'restricted');
    for (const status of ['published', 'local', 'survey'] as const) assert.equal(metricClassification(status), 'public');
  });

  it('before the embargo ends: the council it is about and the named partners read; others do not', () => {
    assert.equal(cell(decide(CAST.performance_officer, 'read', release(DURHAM), NOW)), 'allow');
    assert.equal(cell(decide(CAST.performance_officer, 'read', release('E06000001'), NOW)), 'not_in_audience', "another council's row");
    assert.equal(cell(decide(CAST.regional_partner, 'read', release('E06000001'), NOW)), 'allow');
    assert.equal(cell(decide(CAST.inspector, 'read', release(DURHAM), NOW)), 'not_in_audience');
    assert.equal(cell(decide(PUBLIC_VIEWER, 'read', release(DURHAM), NOW)), 'sign_in_required');
    assert.deepEqual(decide(CAST.performance_officer, 'read', release(DURHAM), NOW), { allowed: true, audited: true });
  });

  it('the whole metric (every council at once) is open only to named partners and administrators', () => {
    assert.equal(cell(decide(CAST.performance_officer, 'read', release(null), NOW)), 'not_in_audience');
    assert.equal(cell(decide(CAST.regional_partner, 'read', release(null), NOW)), 'allow');
    assert.equal(cell(decide(CAST.administrator, 'read', release(null), NOW)), 'allow');
  });

  it('from the instant the embargo ends, everyone reads, unaudited', () => {
    assert.equal(cell(decide(PUBLIC_VIEWER, 'read', release(null), EMBARGO - 1)), 'sign_in_required');
    assert.deepEqual(decide(PUBLIC_VIEWER, 'read', release(null), EMBARGO), { allowed: true, audited: false });
    assert.deepEqual(decide(CAST.inspector, 'read', release(DURHAM), EMBARGO + 1), { allowed: true, audited: false });
  });

  it('with no embargo end set, it stays restricted', () => {
    assert.equal(cell(decide(PUBLIC_VIEWER, 'read', release(null, { embargoUntil: null }), Date.UTC(2100, 0, 1))), 'sign_in_required');
  });

  it('administrators name the partners (share the release) while it is embargoed, and no one once it is public', () => {
    const open = { ...release(null), shareable: true };
    assert.equal(cell(decide(CAST.administrator, 'share', open, NOW)), 'allow');
    assert.equal(cell(decide(CAST.principal_adviser, 'share', open, NOW)), 'role');
    assert.equal(cell(decide(CAST.administrator, 'share', open, EMBARGO)), 'not_shareable');
  });
});

describe('the log of shares and the audit trail', () => {
  const share = guardedRecord('share', 'restricted', {
    subjectArea: DURHAM,
    subjectReads: true,
    author: AUTHOR.userId,
    ownerOrganisation: ORG.sectorBody,
    sharedWithOrganisations: [ORG.region],
  });

  it('the council a share is about reads it, as do the sharer, the recipient and administrators', () => {
    for (const viewer of [CAST.council_member, CAST.performance_officer, AUTHOR, CAST.regional_partner, CAST.administrator]) {
      assert.equal(cell(decide(viewer, 'read', share, NOW)), 'allow', `${viewer.role} ${viewer.userId}`);
    }
    assert.equal(cell(decide(CAST.inspector, 'read', share, NOW)), 'not_in_audience');
    assert.equal(cell(decide(PUBLIC_VIEWER, 'read', share, NOW)), 'sign_in_required');
  });

  it('no one changes a share record or the audit trail; only administrators read the audit trail', () => {
    const event = guardedRecord('audit_event', 'restricted');
    for (const viewer of [AUTHOR, ...Object.values(CAST)]) {
      assert.equal(cell(decide(viewer, 'change', share, NOW)), 'not_possible');
      assert.equal(cell(decide(viewer, 'change', event, NOW)), 'not_possible');
      assert.equal(cell(decide(viewer, 'share', event, NOW)), 'not_possible');
      assert.equal(cell(decide(viewer, 'read', event, NOW)), viewer.role === 'administrator' ? 'allow' : 'role');
    }
    assert.match(describeDenial('not_possible', AUTHOR, 'change', 'audit_event'), /append-only/);
  });
});

describe('API tokens: the scopes limit what a credential may do', () => {
  const readOnly: UserViewer = { ...AUTHOR, actions: ['read'] };

  it('a read-only token of the author reads but cannot change or share', () => {
    assert.equal(cell(decide(readOnly, 'read', item('confidential'), NOW)), 'allow');
    assert.equal(cell(decide(readOnly, 'change', item('confidential'), NOW)), 'token_scope');
    assert.equal(cell(decide(readOnly, 'share', item('confidential'), NOW)), 'token_scope');
    assert.match(describeDenial('token_scope', readOnly, 'change', 'intelligence_item'), /'change' scope/);
  });

  it("a user revokes their own token; an administrator anyone's; no one else", () => {
    const token = guardedRecord('api_token', 'confidential', { author: AUTHOR.userId });
    assert.equal(cell(decide(AUTHOR, 'change', token, NOW)), 'allow');
    assert.equal(cell(decide(CAST.administrator, 'change', token, NOW)), 'allow');
    assert.equal(cell(decide(CAST.principal_adviser, 'change', token, NOW)), 'not_author');
  });
});

describe('the data hub', () => {
  it('anyone reads published data; only administrators change it (imports)', () => {
    const observation = guardedRecord('observation', 'public', { subjectArea: DURHAM });
    for (const viewer of [PUBLIC_VIEWER, AUTHOR, ...Object.values(CAST)]) {
      assert.equal(cell(decide(viewer, 'read', observation, NOW)), 'allow');
      const expected = viewer.kind === 'public' ? 'sign_in_required' : viewer.role === 'administrator' ? 'allow' : 'role';
      assert.equal(cell(decide(viewer, 'change', guardedRecord('import_batch', 'public'), NOW)), expected);
    }
  });

  it('permits() refuses the public anything but public reads and signing in', () => {
    for (const kind of RECORD_KINDS) {
      for (const action of ACTIONS) {
        const decision = permits(PUBLIC_VIEWER, action, kind);
        if (decision.allowed) assert.ok(action === 'read' || (kind === 'session' && action === 'change'), `${action} ${kind}`);
      }
    }
  });
});

describe('properties over any viewer and record', () => {
  const viewer = fc.oneof(
    fc.constant<Viewer>(PUBLIC_VIEWER),
    fc.record({
      kind: fc.constant('user' as const),
      userId: fc.integer({ min: 1, max: 5 }),
      role: fc.constantFrom(...ROLES),
      organisationId: fc.integer({ min: 1, max: 4 }),
      councilArea: fc.constantFrom(null, DURHAM, 'E06000001'),
      actions: fc.subarray([...ACTIONS], { minLength: 1 }),
    }),
  );
  const record = fc.record({
    kind: fc.constantFrom(...RECORD_KINDS),
    classification: fc.constantFrom(...CLASSIFICATIONS),
    subjectArea: fc.constantFrom(null, DURHAM, 'E06000001'),
    subjectReads: fc.boolean(),
    ownerOrganisation: fc.constantFrom(null, 1, 2),
    author: fc.constantFrom(null, 1, 2),
    sharedWithOrganisations: fc.subarray([1, 2, 3, 4]),
    sharedWithUsers: fc.subarray([1, 2, 3, 4, 5]),
    embargoUntil: fc.constantFrom(null, NOW - 1, NOW + 1),
    shareable: fc.boolean(),
  });
  const action = fc.constantFrom<Action>(...ACTIONS);

  it('never allows what permits() refuses; never allows the public to change or share anything but a session', () => {
    fc.assert(
      fc.property(viewer, action, record, (v, a, r) => {
        const decision = decide(v, a, Object.freeze(r), NOW);
        if (!permits(v, a, r.kind).allowed) assert.equal(decision.allowed, false);
        if (v.kind === 'public' && a !== 'read' && r.kind !== 'session') assert.equal(decision.allowed, false);
      }),
      { numRuns: 5000 },
    );
  });

  it('shares only restricted or confidential, shareable records, and only for those who may change them', () => {
    fc.assert(
      fc.property(viewer, record, (v, r) => {
        if (!decide(v, 'share', r, NOW).allowed) return;
        assert.ok(r.classification === 'restricted' || r.classification === 'confidential');
        assert.ok(r.embargoUntil === null || r.embargoUntil > NOW);
        assert.ok(r.shareable);
        const withEveryScope = v.kind === 'user' ? { ...v, actions: ACTIONS } : v;
        assert.ok(decide(withEveryScope, 'change', r, NOW).allowed || r.author === null);
      }),
      { numRuns: 5000 },
    );
  });

  it('reads of restricted and confidential records, and only those, are audited', () => {
    fc.assert(
      fc.property(viewer, record, (v, r) => {
        const decision = decide(v, 'read', r, NOW);
        if (!decision.allowed) return;
        const open = r.classification === 'public' || r.classification === 'sector' || (r.embargoUntil !== null && r.embargoUntil <= NOW);
        assert.equal(decision.audited, !open);
      }),
      { numRuns: 5000 },
    );
  });

  it('a confidential record that is not shared is read by its author alone (and administrators, for kinds they oversee)', () => {
    fc.assert(
      fc.property(viewer, record, (v, r) => {
        const unshared = { ...r, classification: 'confidential' as const, sharedWithOrganisations: [], sharedWithUsers: [], subjectReads: false, embargoUntil: null };
        if (!decide(v, 'read', unshared, NOW).allowed) return;
        assert.ok(v.kind === 'user' && (unshared.author === v.userId || v.role === 'administrator'), JSON.stringify({ v, unshared }));
      }),
      { numRuns: 5000 },
    );
  });
});
