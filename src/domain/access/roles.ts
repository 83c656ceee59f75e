// Who uses Lantern (DESIGN.md's table of roles) and the kinds of organisation
// they belong to. A user has one role in one organisation; a council
// organisation stands for one area, which is how Lantern knows which records
// are about a user's own council.

export const ORGANISATION_KINDS = ['council', 'sector_body', 'regional_partnership', 'government', 'inspectorate', 'support_panel'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const ROLES = [
  'performance_officer',
  'council_member',
  'principal_adviser',
  'regional_partner',
  'panel_member',
  'government_officer',
  'inspector',
  'peer_challenge_manager',
  'administrator',
] as const;
export type Role = (typeof ROLES)[number];

/** The organisations each role belongs to; an administrator may belong to any. */
const HOMES: Readonly<Record<Role, readonly OrganisationKind[]>> = {
  performance_officer: ['council'],
  council_member: ['council'],
  principal_adviser: ['sector_body'],
  regional_partner: ['regional_partnership'],
  panel_member: ['support_panel', 'sector_body'],
  government_officer: ['government'],
  inspector: ['inspectorate'],
  peer_challenge_manager: ['sector_body'],
  administrator: ORGANISATION_KINDS,
};

export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  performance_officer: 'Council performance officer',
  council_member: 'Council member or chief executive',
  principal_adviser: 'Principal adviser',
  regional_partner: 'Regional improvement partner',
  panel_member: 'Performance support panel member',
  government_officer: 'Government office or department',
  inspector: 'Inspectorate',
  peer_challenge_manager: 'Peer challenge manager',
  administrator: 'Administrator',
};

export const ORGANISATION_KIND_LABELS: Readonly<Record<OrganisationKind, string>> = {
  council: 'Council',
  sector_body: 'Sector improvement body',
  regional_partnership: 'Regional improvement partnership',
  government: 'Government office or department',
  inspectorate: 'Inspectorate',
  support_panel: 'Performance support panel',
};

export function isRole(text: string): text is Role {
  return (ROLES as readonly string[]).includes(text);
}

export function isOrganisationKind(text: string): text is OrganisationKind {
  return (ORGANISATION_KINDS as readonly string[]).includes(text);
}

/** Whether a user of this role may belong to an organisation of this kind. */
export function roleFitsOrganisation(role: Role, kind: OrganisationKind): boolean {
  return HOMES[role].includes(kind);
}

/** The roles open to members of an organisation of this kind, for forms and messages. */
export function rolesFor(kind: OrganisationKind): Role[] {
  return ROLES.filter((role) => roleFitsOrganisation(role, kind));
}
