// Reminders' part of the OpenAPI document.
import { REMINDER_KINDS, REMINDER_MOMENTS } from '../../../domain/reminders/index.ts';
import { json, list, refusals, ref, withMissing } from '../../platform/service/openapi-parts.ts';

export const paths = {
  '/api/reminders': {
    get: {
      operationId: 'listReminders',
      summary: 'Your reminders: what you own (or lead the case for) that is overdue, not yet read first',
      responses: { 200: { description: 'Reminders.', content: json(list('Reminder')) }, ...refusals },
    },
  },
  '/api/reminders/{id}/read': {
    post: {
      operationId: 'markReminderRead',
      summary: "Mark one of your reminders read; not found when it is another person's",
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } }],
      responses: { 200: { description: 'Marked read.', content: json(ref('Reminder')) }, ...withMissing },
    },
  },
};

export const schemas = {
  Reminder: {
    type: 'object',
    required: ['id', 'kind', 'what', 'sentence', 'subject', 'dueOn', 'href'],
    properties: {
      id: { type: 'integer' },
      kind: { type: 'string', enum: [...REMINDER_KINDS] },
      what: { type: 'string' },
      sentence: { type: 'string' },
      subject: { type: 'string' },
      dueOn: { type: 'string', format: 'date' },
      dueDay: { type: 'string' },
      overdueSince: { type: 'string', description: 'The day after the due date, as people read dates' },
      moment: { type: 'string', enum: [...REMINDER_MOMENTS], description: "When it was made: once overdue (a case's), a fortnight before or on the due date (a peer challenge's)" },
      area: { type: ['object', 'null'], properties: { code: { type: 'string' }, name: { type: ['string', 'null'] } } },
      insteadOf: { type: ['string', 'null'], description: 'The owner as named, when they are not a user and the lead adviser is told instead' },
      href: { type: 'string' },
      linkText: { type: 'string' },
      remindedOn: { type: 'string', format: 'date' },
      readAt: { type: ['string', 'null'], format: 'date-time' },
      emailedAt: { type: ['string', 'null'], format: 'date-time' },
    },
  },
};
