// decide() for councils' own data, every cell written out by hand from issue
// 20: a survey or a return is held by its council. Until released it is
// restricted to the council and the organisations its release rule names;
// from the rule's instant it is public. Only the council's performance
// officers change or share it, before and after release; another council's
// officer never does. Question sets are public and kept by administrators.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { guardedRecord } from '../../../src/domain/access/index.ts';
import { CAST, DURHAM, ORG } from './cast.ts';
import { decisionOf, NOW, walk, type Row } from './walk.ts';

const held = (kind: 'survey' | 'council_return', fields: { shared?: readonly number[]; releasedAt?: number } = {}) =>
  guardedRecord(kind, 'restricted', {
    subjectArea: DURHAM,
    subjectReads: true,
    ownerOrganisation: ORG.durham,
    sharedWithOrganisations: fields.shared ?? [],
    embargoUntil: fields.releasedAt ?? null,
    shareable: true,
  });

const OUTSIDE: Row = ['not_in_audience', 'role', 'role'];
const SIGN_IN: Row = ['sign_in_required', 'sign_in_required', 'sign_in_required'];

for (const kind of ['survey', 'council_return'] as const) {
  walk(`a ${kind} of County Durham, private to it`, held(kind), {
    public: SIGN_IN,
    author: OUTSIDE,
    performance_officer: ['allow', 'allow', 'allow'],
    council_member: ['allow', 'role', 'role'],
    principal_adviser: OUTSIDE,
    regional_partner: OUTSIDE,
    panel_member: OUTSIDE,
    government_officer: OUTSIDE,
    inspector: OUTSIDE,
    peer_challenge_manager: OUTSIDE,
    administrator: OUTSIDE,
    otherCouncil: ['not_in_audience', 'not_author', 'not_author'],
  });

  walk(`a ${kind} of County Durham, shared with its region`, held(kind, { shared: [ORG.region] }), {
    public: SIGN_IN,
    performance_officer: ['allow', 'allow', 'allow'],
    regional_partner: ['allow', 'role', 'role'],
    government_officer: OUTSIDE,
    administrator: OUTSIDE,
    otherCouncil: ['not_in_audience', 'not_author', 'not_author'],
  });

  walk(`a ${kind} of County Durham, released an hour ago`, held(kind, { releasedAt: NOW - 3_600_000 }), {
    public: ['allow', 'sign_in_required', 'sign_in_required'],
    performance_officer: ['allow', 'allow', 'not_shareable'],
    council_member: ['allow', 'role', 'role'],
    principal_adviser: ['allow', 'role', 'role'],
    administrator: ['allow', 'role', 'role'],
    otherCouncil: ['allow', 'not_author', 'not_shareable'],
  });

  walk(`a ${kind} of County Durham, released in an hour`, held(kind, { releasedAt: NOW + 3_600_000 }), {
    public: SIGN_IN,
    performance_officer: ['allow', 'allow', 'allow'],
    principal_adviser: OUTSIDE,
  });
}

walk('a question set', guardedRecord('question_set', 'public'), {
  public: ['allow', 'sign_in_required', 'not_possible'],
  performance_officer: ['allow', 'role', 'not_possible'],
  principal_adviser: ['allow', 'role', 'not_possible'],
  administrator: ['allow', 'allow', 'not_possible'],
});

describe('a held record without a holder', () => {
  it('is changed by nobody, rather than by any officer the grant allows', () => {
    const orphan = guardedRecord('council_return', 'restricted', { subjectArea: DURHAM, subjectReads: true, shareable: true });
    assert.equal(decisionOf(CAST.performance_officer, 'change', orphan), 'not_author');
  });
});
