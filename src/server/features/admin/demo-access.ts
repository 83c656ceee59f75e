// The demo's people: on first start, a few organisations (Lantern's own
// service, a sector improvement body, a regional partnership, and County
// Durham's council where its area is loaded), one administrator, whose
// password comes from LANTERN_ADMIN_PASSWORD or is made and printed once,
// and an invented regional partner with the same password, who verifies
// the demo's savings.
// Nothing is done when the store already has users.
import { recordAudit } from '../../../store/audit.ts';
import { getArea } from '../../../store/catalogue.ts';
import { createOrganisation, findOrganisationByName } from '../../../store/organisations.ts';
import type { Sql } from '../../../store/store.ts';
import { madeByDemo } from '../../platform/access/demo-audit.ts';
import { countUsers, createUser } from '../../../store/users.ts';
import { generatePassword, hashPassword, passwordProblem } from '../../platform/identity/passwords.ts';

export const DEMO_ADMINISTRATOR = 'admin@lantern.example';
/** An invented regional partner, so that the demo's savings can be verified; signs in with the administrator's password. */
export const DEMO_PARTNER = 'partner@lantern.example';
export const DEMO_PARTNER_NAME = 'Pat Partner (invented demo user)';

/** Creates the demo's organisations and administrator in an empty store; says what it did through `log`. */
export async function createDemoAccess(sql: Sql, adminPassword: string | undefined, log: (line: string) => void): Promise<boolean> {
  if ((await countUsers(sql)) > 0) return false;
  if (adminPassword !== undefined && passwordProblem(adminPassword)) throw new Error(`LANTERN_ADMIN_PASSWORD: ${passwordProblem(adminPassword)!.replace("'password' ", '')}`);
  const password = adminPassword ?? generatePassword();
  const passwordHash = await hashPassword(password);
  const durham = await getArea(sql, 'E06000047');
  await sql.begin(async (tx) => {
    const organisation = async (name: string, kind: Parameters<typeof createOrganisation>[1]['kind'], areaCode: string | null = null) =>
      (await findOrganisationByName(tx, name)) ?? createOrganisation(tx, { name, kind, areaCode });
    const service = await organisation('Lantern service', 'sector_body');
    await organisation('Sector improvement body', 'sector_body');
    const region = await organisation('North East improvement partnership', 'regional_partnership');
    if (durham) await organisation('Durham County Council', 'council', durham.code);
    const admin = await createUser(tx, { email: DEMO_ADMINISTRATOR, name: 'Lantern administrator', organisationId: service.id, role: 'administrator', passwordHash });
    const partner = await createUser(tx, { email: DEMO_PARTNER, name: DEMO_PARTNER_NAME, organisationId: region.id, role: 'regional_partner', passwordHash });
    await recordAudit(tx, [madeByDemo('user', admin.id, 'made the demo administrator'), madeByDemo('user', partner.id, 'made the invented demo regional partner')]);
  });
  log(
    `Lantern: made the administrator ${DEMO_ADMINISTRATOR}; ${adminPassword ? 'its password is LANTERN_ADMIN_PASSWORD' : `its password is ${password} (shown this once: sign in at /sign-in and keep it safe)`}`,
  );
  log(`Lantern: made ${DEMO_PARTNER_NAME}, ${DEMO_PARTNER}, a regional partner of the North East who verifies savings, with the same password`);
  return true;
}
