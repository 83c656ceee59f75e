// The strands of the single conversation: the Principal Adviser leads "a
// single conversation with councils about performance issues" across the
// corporate centre, children's and adults' services (004, appendix 1), so a
// council has one case, not one for each service.
export const STRANDS = ['corporate', 'childrens', 'adults'] as const;
export type Strand = (typeof STRANDS)[number];

export const STRAND_LABELS: Readonly<Record<Strand, string>> = {
  corporate: 'Corporate',
  childrens: "Children's services",
  adults: "Adults' services",
};

export function isStrand(text: string): text is Strand {
  return (STRANDS as readonly string[]).includes(text);
}
