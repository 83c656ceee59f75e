export { nearestNeighbours } from './nearest-neighbours.ts';
export type { Candidate, Neighbour, NeighbourContribution, Neighbours, NeighboursNotComputedReason, NeighbourVariable, VariableScale } from './nearest-neighbours.ts';
export { explainNeighbour } from './explain-neighbour.ts';
export {
  PUBLISHED_SOURCES,
  describePublishedSet,
  publishedSetBasis,
  publishedSetMembers,
  publishedSetName,
  type PublishedNeighbour,
  type PublishedNeighbourSet,
  type PublishedSource,
} from './published-sets.ts';
