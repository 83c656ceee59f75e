export { closestMatch, describeCandidate, type Candidate } from './closest-match.ts';
export { synonymsOf } from './synonyms.ts';
