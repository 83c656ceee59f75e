// The timeline's part of the OpenAPI document; its parameter comes from the
// schema the route checks it with (api-inputs.ts).
import { withMissing, answer, operation } from '../../platform/service/openapi-parts.ts';
import { ref, text, integer, instant, object } from '../../platform/service/openapi-types.ts';
import { timelinePath, timelineQuery } from './api-inputs.ts';
import { ENTRY_KINDS } from './timeline-entries.ts';

export const paths = {
  '/api/areas/{code}/timeline': {
    get: operation(
      'councilTimeline',
      "A council's timeline, newest first: flags raised and cleared, intelligence recorded, shares, improvement cases, outcomes, statutory action and the Panel's decisions, only those you may see (reads of restricted and confidential records are audited)",
      { path: timelinePath, query: timelineQuery },
      { 200: answer('The timeline.', ref('Timeline')), ...withMissing },
    ),
  },
};

export const schemas = {
  Timeline: object(['council', 'total', 'entries', 'limit', 'offset'], {
    total: { type: 'integer', description: 'How many entries you may see in all; entries is the page of them asked for.' },
    limit: integer,
    offset: integer,
    council: object(['code', 'name'], { code: text, name: text }),
    entries: {
      type: 'array',
      items: object(['at', 'kind', 'sentence', 'record', 'href'], {
        at: instant,
        kind: { type: 'string', enum: ENTRY_KINDS },
        sentence: text,
        record: object(['kind', 'id'], { kind: text, id: text }),
        href: { type: 'string', description: 'The page of the record.' },
      }),
    },
  }),
};
