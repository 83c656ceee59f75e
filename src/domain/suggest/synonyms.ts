// The words people search with for what publishers call by other names: a
// resident types "obesity" where Fingertips writes "overweight or obese",
// "homeless" where MHCLG writes "homelessness". Each row is a family of
// words that mean the same thing for finding a metric; a query word finds
// the metrics holding any word of its family.
const FAMILIES: readonly (readonly string[])[] = [
  ['obesity', 'obese', 'overweight', 'excess weight', 'bmi'],
  ['homeless', 'homelessness', 'rough sleeping', 'temporary accommodation'],
  ['smoking', 'smoker', 'smokers', 'tobacco', 'cigarette'],
  // Not "inactive": a family means the same thing, and inactive is active's opposite.
  ['exercise', 'active', 'activity', 'physical activity'],
  ['depression', 'depressed', 'mental health'],
  ['teeth', 'dental', 'tooth', 'decay'],
  ['life expectancy', 'lifespan', 'longevity'],
  ['housing', 'homes', 'dwellings', 'houses'],
  ['empty homes', 'vacant', 'vacant homes'],
  ['affordable', 'social housing', 'social rent'],
  ['rubbish', 'waste', 'recycling', 'refuse', 'bins'],
  ['care', 'social care', 'adult social care'],
  ['children', 'child', 'kids', 'young people'],
  ['population', 'people', 'residents'],
];

const BY_WORD = new Map<string, readonly string[]>();
for (const family of FAMILIES) {
  for (const word of family) BY_WORD.set(word, [...new Set([...(BY_WORD.get(word) ?? [word]), ...family])]);
}

/** The word and every word of its family, lower case: what a metric may hold for the word to count as found. */
export function synonymsOf(word: string): readonly string[] {
  const lower = word.toLowerCase();
  return BY_WORD.get(lower) ?? [lower];
}
