export { CLOSURES, CLOSURE_EVIDENCE_KINDS, CLOSURE_EVIDENCE_LABELS, CLOSURE_LABELS, closingProblems, isClosure, type Closure, type ClosureEvidence, type ClosureEvidenceKind } from './closing.ts';
export { EVENT_KINDS, EVENT_KIND_LABELS, NOTICE_MONTHS, addMonths, durationDays, eventEnd, eventProblems, isEventKind, type EventInput, type EventKind } from './events.ts';
export { OPENED_FROM, OPENED_FROM_LABELS, openedFrom, openingProblems, type CaseBasis, type OpenedFrom } from './opening.ts';
export { LIGHT_TOUCH, LIGHT_TOUCH_LABELS, OUTCOMES, OUTCOME_LABELS, isOutcome, outcomeProblems, type LightTouch, type Outcome, type OutcomeInput } from './outcomes.ts';
export { given, type CaseProblem } from './problem.ts';
export { STAGES, STAGE_LABELS, stageAfter, type Stage } from './stages.ts';
export { STRANDS, STRAND_LABELS, isStrand, type Strand } from './strands.ts';
