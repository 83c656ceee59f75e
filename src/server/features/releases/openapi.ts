// The release path's part of the OpenAPI document: a council's release
// calendar, a metric's rule, and its shares before release. Bodies and
// paths come from the schemas the use-cases check them with (api-inputs.ts).
import { refusals, withMissing, shareOperations, answer, operation } from '../../platform/service/openapi-parts.ts';
import { text, boolean, anyObject, object, codeAndName, objectList, nullableInstant } from '../../platform/service/openapi-types.ts';
import { councilPath, releasePath, releaseSharePath, ruleBody } from './api-inputs.ts';

const heldSharing = shareOperations(
  {
    operationId: 'shareHeldValues',
    summary: "Share a council's held values of a metric with an organisation before release (the council's performance officers)",
    path: releasePath,
  },
  { operationId: 'unshareHeldValues', summary: "Stop sharing a council's held values of a metric (the council's performance officers)", path: releaseSharePath },
);

export const paths = {
  '/api/releases/{area}': {
    get: operation(
      'readReleaseCalendar',
      "A council's release calendar: each held value the viewer may read, its rule and the instant it becomes public",
      { path: councilPath },
      { 200: answer('The calendar.', { $ref: '#/components/schemas/ReleaseCalendar' }), ...withMissing },
    ),
  },
  '/api/releases/{area}/{metric}': {
    put: operation(
      'setReleaseRule',
      "Set when a council's held values of a metric become public (the council's performance officers)",
      { path: releasePath, body: ruleBody },
      { 200: answer('Set.', anyObject), ...withMissing, ...refusals },
    ),
  },
  '/api/releases/{area}/{metric}/shares': heldSharing.share,
  '/api/releases/{area}/{metric}/shares/{shareId}/revoke': heldSharing.unshare,
};

export const schemas = {
  ReleaseCalendar: object(['council', 'defaultsVersion', 'metrics'], {
    council: codeAndName,
    defaultsVersion: { type: 'integer', description: 'The version of the release defaults in force.' },
    metrics: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          metric: text,
          title: text,
          rule: { type: ['object', 'null'], description: "The council's own rule; null where the default applies." },
          ruleText: text,
          sharedWith: objectList,
          values: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                period: text,
                value: { type: ['number', 'null'] },
                provisional: boolean,
                origin: { type: 'string', enum: ['return', 'survey'] },
                releaseAt: nullableInstant,
                releasedAt: nullableInstant,
                officialStands: boolean,
              },
            },
          },
        },
      },
    },
  }),
};
