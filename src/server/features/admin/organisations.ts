// Adding an organisation, as the admin API, the admin page and the command
// line all do it: the name and kind checked (a council names its area, which
// Lantern must know as a council), the policy asked, the organisation and its
// audit event written together.
import { guardedRecord, type OrganisationKind } from '../../../domain/access/index.ts';
import { isGssCode } from '../../../domain/area/index.ts';
import { isCouncil } from '../../../domain/benchmark/comparator-group.ts';
import { getArea } from '../../../store/catalogue.ts';
import { createOrganisation, isUniqueViolation, type Organisation } from '../../../store/organisations.ts';
import type { Sql } from '../../../store/store.ts';
import type { RequestAccess } from '../../platform/access/request-access.ts';
import { badRequest, HttpError } from '../../platform/http/http-error.ts';
import { checked } from '../../platform/http/input-schema.ts';
import { newOrganisationBody } from './api-inputs.ts';

/** Organisations are open to every signed-in user: they are whom one shares with. */
export function organisationRecord(_organisation: Organisation) {
  return ORGANISATION;
}
const ORGANISATION = guardedRecord('organisation', 'sector');

/** Adds an organisation (`name`, `kind`, and `areaCode` for a council). */
export async function addOrganisation(sql: Sql, access: RequestAccess, body: Record<string, unknown>): Promise<Organisation> {
  const { name, kind, areaCode: given } = checked(newOrganisationBody, body);
  const areaCode = await councilArea(sql, kind, given ?? null);
  access.require('change', ORGANISATION, 'organisation');
  try {
    return await sql.begin(async (tx) => {
      const organisation = await createOrganisation(tx, { name, kind, areaCode });
      await access.audit(tx, 'change', 'organisation', String(organisation.id), `added ${kind} '${name}'${areaCode ? ` for ${areaCode}` : ''}`);
      return organisation;
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new HttpError(
        409,
        'conflict',
        areaCode ? `'name' or 'areaCode': there is already an organisation called '${name}' or a council for ${areaCode}` : `'name': there is already an organisation called '${name}'`,
      );
    throw error;
  }
}

async function councilArea(sql: Sql, kind: OrganisationKind, given: string | null): Promise<string | null> {
  if (kind !== 'council') {
    if (given !== null) throw badRequest("'areaCode' is only for councils");
    return null;
  }
  if (given === null) throw badRequest("'areaCode' is required for a council: the GSS code of its area");
  const area = isGssCode(given) ? await getArea(sql, given) : undefined;
  if (!area || !isCouncil(area.type)) throw badRequest(`'areaCode': ${given.slice(0, 20)} is not a council area Lantern knows`);
  return given;
}
