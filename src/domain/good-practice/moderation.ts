// Moderating the library: a case study is its writer's draft until they
// submit it; a peer challenge manager then publishes it or returns it with a
// reason; a returned one is the writer's again to change and submit. Only a
// published one is public. Who sees each state is the access policy's: a
// draft is confidential to its writer; submitted and returned ones are
// restricted (the writer's council and the library's moderators); published
// ones are public.
//
//   draft ──submit──► submitted ──publish──► published
//                        │  ▲
//                 return │  │ submit
//                        ▼  │
//                      returned
import type { Classification } from '../access/index.ts';

export const MODERATION_STATES = ['draft', 'submitted', 'returned', 'published'] as const;
export type ModerationState = (typeof MODERATION_STATES)[number];

export const MODERATION_STEPS = ['submit', 'publish', 'return'] as const;
export type ModerationStep = (typeof MODERATION_STEPS)[number];

export const MODERATION_STATE_LABELS: Readonly<Record<ModerationState, string>> = {
  draft: 'Draft',
  submitted: 'Submitted for moderation',
  returned: 'Returned to its writer',
  published: 'Published',
};

const FROM: Readonly<Record<ModerationStep, readonly ModerationState[]>> = {
  submit: ['draft', 'returned'],
  publish: ['submitted'],
  return: ['submitted'],
};

const TO: Readonly<Record<ModerationStep, ModerationState>> = { submit: 'submitted', publish: 'published', return: 'returned' };

export type Moved = { readonly kind: 'ok'; readonly state: ModerationState } | { readonly kind: 'refused'; readonly field: string; readonly message: string };

/** Where a step takes a case study, or why it may not be taken; returning needs its reason. */
export function moderate(state: ModerationState, step: ModerationStep, reason: string | null = null): Moved {
  if (!FROM[step].includes(state)) {
    return { kind: 'refused', field: 'state', message: `'state': a case study ${MODERATION_STATE_LABELS[state].toLowerCase()} cannot be ${pastOf(step)}; only one ${FROM[step].join(' or ')} can` };
  }
  if (step === 'return' && (reason ?? '').trim() === '') return { kind: 'refused', field: 'reason', message: "'reason': say why the case study is returned, so that its writer can put it right" };
  return { kind: 'ok', state: TO[step] };
}

/** Whether its writer may change the words: only while it is theirs (a draft, or returned to them). */
export function isEditable(state: ModerationState): boolean {
  return state === 'draft' || state === 'returned';
}

/** How the policy classifies a case study in each state. */
export function classificationOf(state: ModerationState): Classification {
  switch (state) {
    case 'draft':
      return 'confidential';
    case 'submitted':
    case 'returned':
      return 'restricted';
    case 'published':
      return 'public';
  }
}

function pastOf(step: ModerationStep): string {
  return step === 'submit' ? 'submitted' : step === 'publish' ? 'published' : 'returned';
}
