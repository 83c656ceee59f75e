// Classification: how widely a record may be read, on every record that can
// be confidential. The information sharing protocol's four levels, widest
// first:
//   public        anyone, signed in or not
//   sector        any signed-in user of a council or partner organisation
//   restricted    the organisation that holds it and the organisations and
//                 people it is shared with
//   confidential  the person who wrote it and the people and organisations it
//                 is shared with
export const CLASSIFICATIONS = ['public', 'sector', 'restricted', 'confidential'] as const;
export type Classification = (typeof CLASSIFICATIONS)[number];

export const CLASSIFICATION_LABELS: Readonly<Record<Classification, string>> = {
  public: 'Public',
  sector: 'Sector (any signed-in council or partner)',
  restricted: 'Restricted (named organisations)',
  confidential: 'Confidential (named people)',
};

export function isClassification(text: string): text is Classification {
  return (CLASSIFICATIONS as readonly string[]).includes(text);
}

/** Restricted and confidential records: every read of one is recorded, and only they are shared. */
export function isClassified(classification: Classification): boolean {
  return classification === 'restricted' || classification === 'confidential';
}
