// Neighbour sets that publishers make for councils: the ONS's nearest
// neighbours (three models) and the DfE's children's services statistical
// neighbours. People recognise them from the publishers' own tables, so each
// is offered by the publisher's name and vintage, as a comparator group a
// user may start from, beside the neighbours Lantern computes. Their
// variables and weights are the publishers' own, named in the set's sentence.

export const PUBLISHED_SOURCES = ['ons-2025-02', 'dfe-cs-2025'] as const;
export type PublishedSource = (typeof PUBLISHED_SOURCES)[number];

export interface PublishedNeighbour {
  readonly code: string;
  readonly rank: number;
  /** The publisher's word for how close the neighbour is ("Very close"), where it gives one. */
  readonly closeness: string | null;
}

export interface PublishedNeighbourSet {
  readonly source: PublishedSource;
  readonly model: string;
  /** The council the set was published for. */
  readonly areaCode: string;
  /** Nearest first, in the publisher's ranks. */
  readonly neighbours: readonly PublishedNeighbour[];
}

const MODELS: Readonly<Record<string, string>> = {
  global: 'the global model, on all the indicators of its clustering',
  economic: 'the economic model, on the economic indicators of its clustering',
  demographic: 'the demographic model, on the demographic indicators of its clustering',
  childrens_services: "the children's services statistical neighbour model",
};

/** "ONS nearest neighbours, February 2025 (global model)": how a set is named wherever it is offered. */
export function publishedSetName(set: Pick<PublishedNeighbourSet, 'source' | 'model'>): string {
  if (set.source === 'dfe-cs-2025') return "DfE children's services statistical neighbours, May 2025";
  return `ONS nearest neighbours, February 2025 (${set.model} model)`;
}

/** What the set rests on, in a sentence, so that a user knows whose variables made it. */
export function publishedSetBasis(set: Pick<PublishedNeighbourSet, 'source' | 'model'>): string {
  const publisher = set.source === 'dfe-cs-2025' ? 'the Department for Education' : 'the Office for National Statistics';
  return `Published by ${publisher}, ${MODELS[set.model] ?? `the ${set.model} model`}; its variables and weights are the publisher's own.`;
}

/** The council and its published neighbours, as the members of a comparator group (the council first). */
export function publishedSetMembers(set: PublishedNeighbourSet): string[] {
  return [set.areaCode, ...set.neighbours.map((n) => n.code)];
}

/**
 * A set as the API offers it: named, with what it rests on, its members as a
 * comparator group takes them (the council first), and each neighbour by
 * name, nearest first. A user starts a group of their own from `areaCodes`.
 */
export function describePublishedSet(set: PublishedNeighbourSet, nameOf: (code: string) => string) {
  return {
    source: set.source,
    model: set.model,
    name: publishedSetName(set),
    basis: publishedSetBasis(set),
    areaCodes: publishedSetMembers(set),
    neighbours: set.neighbours.map((n) => ({ code: n.code, name: nameOf(n.code), rank: n.rank, closeness: n.closeness })),
  };
}
