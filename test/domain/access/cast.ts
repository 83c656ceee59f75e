// The people of the access tests: one user of each role, in the organisation
// that role belongs to, around one council (County Durham) and one principal
// adviser who writes about it. Used by the policy's tests and, with the same
// shape, by the route matrix.
import { SESSION_ACTIONS, type Role, type UserViewer } from '../../../src/domain/access/index.ts';

export const DURHAM = 'E06000047';
export const ORG = Object.freeze({ sectorBody: 1, durham: 2, region: 3, panel: 4, government: 5, inspectorate: 6, service: 7, recipient: 8 });

const user = (userId: number, role: Role, organisationId: number, councilArea: string | null = null): UserViewer =>
  Object.freeze({ kind: 'user', userId, role, organisationId, councilArea, actions: SESSION_ACTIONS });

export const AUTHOR = user(100, 'principal_adviser', ORG.sectorBody);

/** One of each role; none of them is the author. */
export const CAST: Readonly<Record<Role, UserViewer>> = Object.freeze({
  performance_officer: user(201, 'performance_officer', ORG.durham, DURHAM),
  council_member: user(202, 'council_member', ORG.durham, DURHAM),
  principal_adviser: user(203, 'principal_adviser', ORG.sectorBody),
  regional_partner: user(204, 'regional_partner', ORG.region),
  panel_member: user(205, 'panel_member', ORG.panel),
  government_officer: user(206, 'government_officer', ORG.government),
  inspector: user(207, 'inspector', ORG.inspectorate),
  peer_challenge_manager: user(208, 'peer_challenge_manager', ORG.sectorBody),
  administrator: user(209, 'administrator', ORG.service),
});
