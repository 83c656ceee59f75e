// roleFitsOrganisation(role, kind): a user's role belongs to the kind of
// organisation DESIGN.md's table puts it in; administrators fit anywhere.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ORGANISATION_KINDS, ROLES, roleFitsOrganisation, rolesFor } from '../../../src/domain/access/index.ts';

describe('roleFitsOrganisation(role, kind)', () => {
  it('council officers and members belong to councils; advisers to sector bodies', () => {
    assert.ok(roleFitsOrganisation('performance_officer', 'council'));
    assert.ok(roleFitsOrganisation('council_member', 'council'));
    assert.ok(!roleFitsOrganisation('performance_officer', 'sector_body'));
    assert.ok(roleFitsOrganisation('principal_adviser', 'sector_body'));
    assert.ok(!roleFitsOrganisation('principal_adviser', 'council'));
  });

  it('every organisation has a role for its people, and administrators fit them all', () => {
    for (const kind of ORGANISATION_KINDS) {
      assert.ok(rolesFor(kind).length >= 2, kind);
      assert.ok(rolesFor(kind).includes('administrator'), kind);
    }
    assert.ok(ROLES.every((role) => ORGANISATION_KINDS.some((kind) => roleFitsOrganisation(role, kind))));
  });
});
