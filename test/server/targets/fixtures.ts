// An agreement and a target as a council would give them, for the targets
// feature's tests: County Durham's 2008 LAA, with obesity (NI 56) led by the
// primary care trust under Havering's relative rule.
const DURHAM = 'E06000047';

export const AGREEMENT = {
  kind: 'local_area_agreement',
  title: 'County Durham LAA 2008-11',
  firstYear: '2008/09',
  lastYear: '2010/11',
  areas: [DURHAM],
  partners: [
    { kind: 'council', name: 'Durham County Council' },
    { kind: 'health', name: 'County Durham PCT' },
  ],
};

export const TARGET = {
  reference: 'NI 56',
  metric: 'obesity',
  kind: 'designated',
  baseline: { period: '2007/08', value: 30 },
  targetPeriod: '2010/11',
  targetValue: 27,
  leadPartner: 'County Durham PCT',
  contributingPartners: ['Durham County Council'],
  toleranceRule: { kind: 'relative', version: 1, greenWithinPercent: 10, amberWithinPercent: null, amberIfImproved: true },
};
