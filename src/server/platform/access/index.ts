// The access policy at the HTTP edge, as features import it: the rules
// routes declare (rules.ts), what a handler asks about each record
// (request-access.ts), observations through the policy (observations.ts),
// sharing (shares.ts) and who made what, as each viewer may see it
// (provenance.ts).
export * from './rules.ts';
export * from './request-access.ts';
export * from './observations.ts';
export * from './shares.ts';
export * from './provenance.ts';
