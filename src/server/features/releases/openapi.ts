// The release path's part of the OpenAPI document: a council's release
// calendar, a metric's rule, and its shares before release. Bodies and
// paths come from the schemas the use-cases check them with (api-inputs.ts).
import { json, refusals, shareOperations, withMissing } from '../../platform/service/openapi-parts.ts';
import { jsonBody, pathParameters } from '../../platform/service/openapi-input.ts';
import { councilPath, releasePath, releaseSharePath, ruleBody } from './api-inputs.ts';

const heldSharing = shareOperations(
  {
    operationId: 'shareHeldValues',
    summary: "Share a council's held values of a metric with an organisation before release (the council's performance officers)",
    parameters: pathParameters(releasePath),
  },
  { operationId: 'unshareHeldValues', summary: "Stop sharing a council's held values of a metric (the council's performance officers)", parameters: pathParameters(releaseSharePath) },
);

export const paths = {
  '/api/releases/{area}': {
    get: {
      operationId: 'readReleaseCalendar',
      summary: "A council's release calendar: each held value the viewer may read, its rule and the instant it becomes public",
      parameters: pathParameters(councilPath),
      responses: { 200: { description: 'The calendar.', content: json({ $ref: '#/components/schemas/ReleaseCalendar' }) }, ...withMissing },
    },
  },
  '/api/releases/{area}/{metric}': {
    put: {
      operationId: 'setReleaseRule',
      summary: "Set when a council's held values of a metric become public (the council's performance officers)",
      parameters: pathParameters(releasePath),
      requestBody: jsonBody(ruleBody),
      responses: { 200: { description: 'Set.', content: json({ type: 'object' }) }, ...withMissing, ...refusals },
    },
  },
  '/api/releases/{area}/{metric}/shares': heldSharing.share,
  '/api/releases/{area}/{metric}/shares/{shareId}/revoke': heldSharing.unshare,
};

export const schemas = {
  ReleaseCalendar: {
    type: 'object',
    required: ['council', 'defaultsVersion', 'metrics'],
    properties: {
      council: { type: 'object', properties: { code: { type: 'string' }, name: { type: 'string' } } },
      defaultsVersion: { type: 'integer', description: 'The version of the release defaults in force.' },
      metrics: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            metric: { type: 'string' },
            title: { type: 'string' },
            rule: { type: ['object', 'null'], description: "The council's own rule; null where the default applies." },
            ruleText: { type: 'string' },
            sharedWith: { type: 'array', items: { type: 'object' } },
            values: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  period: { type: 'string' },
                  value: { type: ['number', 'null'] },
                  provisional: { type: 'boolean' },
                  origin: { type: 'string', enum: ['return', 'survey'] },
                  releaseAt: { type: ['string', 'null'], format: 'date-time' },
                  releasedAt: { type: ['string', 'null'], format: 'date-time' },
                  officialStands: { type: 'boolean' },
                },
              },
            },
          },
        },
      },
    },
  },
};
