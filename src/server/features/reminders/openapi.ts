// Reminders' part of the OpenAPI document.
import { REMINDER_KINDS, REMINDER_MOMENTS } from '../../../domain/reminders/index.ts';
import { list, refusals, withMissing, answer, operation } from '../../platform/service/openapi-parts.ts';
import { ref, text, nullableText, integer, day, object, nullableInstant } from '../../platform/service/openapi-types.ts';

export const paths = {
  '/api/reminders': {
    get: operation('listReminders', 'Your reminders: what you own (or lead the case for) that is overdue, not yet read first', {}, { 200: answer('Reminders.', list('Reminder')), ...refusals }),
  },
  '/api/reminders/{id}/read': {
    post: operation(
      'markReminderRead',
      "Mark one of your reminders read; not found when it is another person's",
      { parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } }] },
      { 200: answer('Marked read.', ref('Reminder')), ...withMissing },
    ),
  },
};

export const schemas = {
  Reminder: object(['id', 'kind', 'what', 'sentence', 'subject', 'dueOn', 'href'], {
    id: integer,
    kind: { type: 'string', enum: [...REMINDER_KINDS] },
    what: text,
    sentence: text,
    subject: text,
    dueOn: day,
    dueDay: text,
    overdueSince: { type: 'string', description: 'The day after the due date, as people read dates' },
    moment: { type: 'string', enum: [...REMINDER_MOMENTS], description: "When it was made: once overdue (a case's), a fortnight before or on the due date (a peer challenge's)" },
    area: { type: ['object', 'null'], properties: { code: text, name: nullableText } },
    insteadOf: { type: ['string', 'null'], description: 'The owner as named, when they are not a user and the lead adviser is told instead' },
    href: text,
    linkText: text,
    remindedOn: day,
    readAt: nullableInstant,
    emailedAt: nullableInstant,
  }),
};
