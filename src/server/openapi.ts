// The OpenAPI 3.1 description of Lantern's JSON API, served at
// /api/openapi.json: each feature's paths and schemas (its openapi.ts, kept
// beside its routes), the service's own routes, and what they all share. A
// test checks that every route of every feature's API is here, and nothing
// else, and that a standard validator accepts the document.
import { paths as accountPaths, schemas as accountSchemas } from './features/account/openapi.ts';
import { paths as adminPaths, schemas as adminSchemas } from './features/admin/openapi.ts';
import { paths as auditPaths, schemas as auditSchemas } from './features/audit/openapi.ts';
import { paths as casesPaths, schemas as casesSchemas } from './features/cases/openapi.ts';
import { paths as dataHubPaths, schemas as dataHubSchemas } from './features/data-hub/openapi.ts';
import { paths as explorePaths, schemas as exploreSchemas } from './features/explore/openapi.ts';
import { paths as goodPracticePaths, schemas as goodPracticeSchemas } from './features/good-practice/openapi.ts';
import { paths as monitoringPaths, schemas as monitoringSchemas } from './features/monitoring/openapi.ts';
import { paths as intelligencePaths, schemas as intelligenceSchemas } from './features/intelligence/openapi.ts';
import { paths as mentoringPaths, schemas as mentoringSchemas } from './features/mentoring/openapi.ts';
import { paths as peerChallengesPaths, schemas as peerChallengesSchemas } from './features/peer-challenges/openapi.ts';
import { paths as peerPoolPaths, schemas as peerPoolSchemas } from './features/peer-pool/openapi.ts';
import { paths as releasesPaths, schemas as releasesSchemas } from './features/releases/openapi.ts';
import { paths as remindersPaths, schemas as remindersSchemas } from './features/reminders/openapi.ts';
import { paths as riskPaths, schemas as riskSchemas } from './features/risk/openapi.ts';
import { paths as savingsPaths, schemas as savingsSchemas } from './features/savings/openapi.ts';
import { paths as sharingPaths, schemas as sharingSchemas } from './features/sharing/openapi.ts';
import { paths as supportPaths, schemas as supportSchemas } from './features/support/openapi.ts';
import { paths as supportOfferPaths, schemas as supportOfferSchemas } from './features/support-offer/openapi.ts';
import { paths as surveysPaths, schemas as surveysSchemas } from './features/surveys/openapi.ts';
import { paths as returnsPaths, schemas as returnsSchemas } from './features/returns/openapi.ts';
import { paths as targetsPaths, schemas as targetsSchemas } from './features/targets/openapi.ts';
import { paths as timelinePaths, schemas as timelineSchemas } from './features/timeline/openapi.ts';
import { answer, error, operation, platformSchemas, securitySchemes } from './platform/service/openapi-parts.ts';
import { anyObject, object } from './platform/service/openapi-types.ts';

const servicePaths = {
  '/api/openapi.json': { get: operation('openApi', 'This document', {}, { 200: answer('OpenAPI 3.1.', anyObject) }) },
  // For load balancers and orchestrators: alive, and ready for traffic.
  '/health': {
    get: operation(
      'health',
      'Whether Lantern answers, which is whether its store answers',
      {},
      {
        200: answer('Alive.', object(['status'], { status: { const: 'ok' } })),
        503: error("The store does not answer (code 'store_unavailable'); the message names it."),
      },
    ),
  },
  '/ready': {
    get: operation(
      'ready',
      'Whether this server should take traffic: store and replica answer, migrations applied, benchmark index built',
      {},
      {
        200: answer('Ready.', object(['status'], { status: { const: 'ready' } })),
        503: error("Not ready; the code says why, the first of: 'store_unavailable', 'replica_unavailable', 'migrations_pending', 'index_failed', 'index_building' (with Retry-After)."),
      },
    ),
  },
};

export const openApiDocument = {
  openapi: '3.1.0',
  info: {
    title: 'Lantern',
    version: '0.1.0',
    description: 'Performance data for English local government: areas, metrics, observations and the import batches that brought them.',
    license: { name: 'MIT', identifier: 'MIT' },
  },
  servers: [{ url: '/' }],
  paths: {
    ...dataHubPaths,
    ...explorePaths,
    ...goodPracticePaths,
    ...servicePaths,
    ...accountPaths,
    ...intelligencePaths,
    ...sharingPaths,
    ...auditPaths,
    ...adminPaths,
    ...targetsPaths,
    ...monitoringPaths,
    ...timelinePaths,
    ...remindersPaths,
    ...riskPaths,
    ...casesPaths,
    ...supportPaths,
    ...supportOfferPaths,
    ...surveysPaths,
    ...returnsPaths,
    ...releasesPaths,
    ...savingsPaths,
    ...mentoringPaths,
    ...peerPoolPaths,
    ...peerChallengesPaths,
    // Both answer at /api/agreements: targets records one, monitoring lists them.
    '/api/agreements': { ...targetsPaths['/api/agreements'], ...monitoringPaths['/api/agreements'] },
  },
  components: {
    securitySchemes,
    schemas: {
      ...accountSchemas,
      ...intelligenceSchemas,
      ...sharingSchemas,
      ...auditSchemas,
      ...adminSchemas,
      ...platformSchemas,
      ...dataHubSchemas,
      ...exploreSchemas,
      ...goodPracticeSchemas,
      ...targetsSchemas,
      ...casesSchemas,
      ...supportSchemas,
      ...supportOfferSchemas,
      ...surveysSchemas,
      ...returnsSchemas,
      ...releasesSchemas,
      ...savingsSchemas,
      ...mentoringSchemas,
      ...peerPoolSchemas,
      ...peerChallengesSchemas,
      ...monitoringSchemas,
      ...timelineSchemas,
      ...remindersSchemas,
      ...riskSchemas,
    },
  },
} as const;
