export { closestMatch, describeCandidate, type Candidate } from './closest-match.ts';
