// Surveys' part of the OpenAPI document: the parameters and bodies come from
// the schemas the routes check them with (api-inputs.ts).
import { COMPARABILITIES, COMPARABILITY_CONDITIONS, CONDITION_OUTCOMES } from '../../../domain/surveys/index.ts';
import { json, list, error, refusals, withMissing, answer, operation } from '../../platform/service/openapi-parts.ts';
import { ref, text, nullableText, integer, number, boolean, day, anyObject, object, codeAndName, objectList } from '../../platform/service/openapi-types.ts';
import { councilQuery, questionSetBody, resultsBody, resultsImportQuery, surveyBody, surveyChangeBody, surveyPath } from './api-inputs.ts';

const survey = json(ref('Survey'));
const repeated = { 409: error('The same survey is already recorded for the council, period and method (and wave): details.existing is its id; or it changed since it was read.') };

export const paths = {
  '/api/question-sets': {
    get: operation(
      'listQuestionSets',
      'The question sets surveys ask, each at its latest version: the LGA resident satisfaction questions and those administrators added',
      {},
      { 200: answer('The sets.', list('QuestionSet')) },
    ),
    post: operation(
      'addQuestionSet',
      "Add a question set at a new version (administrators); its benchmarkable questions' metrics are made as survey metrics",
      { body: questionSetBody },
      { 201: answer('Added.', ref('QuestionSet')), ...refusals, 409: error('The set is kept at that version already: a changed wording is a new version.') },
    ),
  },
  '/api/surveys': {
    get: operation(
      'listSurveys',
      "A council's surveys that you may read, latest fieldwork first (England's: the national poll's waves)",
      { query: councilQuery },
      { 200: answer('The surveys, without their results.', object(['items'], { items: objectList })), ...refusals },
    ),
    post: operation(
      'addSurvey',
      "Record your council's survey as it was run (councils' performance officers): method, sampling, fieldwork, achieved sample, weighting, where the set's questions sat",
      { body: surveyBody },
      { 201: { description: 'Recorded.', content: survey }, ...refusals, ...repeated },
    ),
  },
  '/api/surveys/national-poll': {
    post: operation(
      'addNationalPollWave',
      "Record a wave of the LGA's national poll (administrators): a survey of England, the public reference series councils are set beside",
      { body: surveyBody.omit({ council: true }) },
      { 201: { description: 'Recorded.', content: survey }, ...refusals, ...repeated },
    ),
  },
  '/api/surveys/national-poll/{id}/results': {
    post: operation(
      'enterNationalPollResults',
      "Enter a national poll wave's results (administrators), as counts per answer option",
      { path: surveyPath, body: resultsBody },
      { 201: { description: 'Entered, with the verdict.', content: survey }, ...withMissing },
    ),
  },
  '/api/surveys/{id}': {
    get: operation(
      'getSurvey',
      "A survey with its comparability verdict (a reason for each condition) and each question's percentage positive, Wilson interval, the national poll, comparable councils by the domain's rule and the trend judged across the council's waves",
      { path: surveyPath },
      { 200: { description: 'The survey.', content: survey }, ...withMissing },
    ),
    put: operation(
      'changeSurvey',
      "Change the survey's record from its latest revision; results already entered are judged again",
      { path: surveyPath, body: surveyChangeBody },
      { 200: { description: 'Changed.', content: survey }, ...withMissing, ...repeated },
    ),
  },
  '/api/surveys/{id}/results.csv': {
    get: operation(
      'getSurveyResultsCsv',
      "A survey's results as CSV: each question's percentage positive, the national poll, comparable councils (with those left out and why) and the trend across the council's waves, every verdict with its sentence and reason",
      { path: surveyPath },
      { 200: { description: 'The CSV.', content: { 'text/csv': { schema: text } } }, ...withMissing },
    ),
  },
  '/api/surveys/{id}/results': {
    post: operation(
      'enterSurveyResults',
      'Enter results as counts per answer option (and weighted percentages with their effective base where weighted); comparable ones become held values of their metrics',
      { path: surveyPath, body: resultsBody },
      { 201: { description: 'Entered, with the verdict.', content: survey }, ...withMissing },
    ),
  },
  '/api/surveys/{id}/results/import': {
    post: operation(
      'importSurveyResults',
      'Enter results from a file (CSV, XLSX or ODS) of question, option, count[, weighted_percentage][, base][, effective_base]; every problem names the line and column',
      {
        path: surveyPath,
        query: resultsImportQuery,
        requestBody: { required: true, content: { 'text/csv': { schema: text }, 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } },
      },
      { 201: { description: 'Entered, with the verdict.', content: survey }, ...withMissing },
    ),
  },
};

const verdict = {
  type: ['object', 'null'],
  required: ['rule', 'overall', 'conditions', 'sentence'],
  properties: {
    rule: { type: 'object', properties: { code: text, version: integer } },
    overall: { type: 'string', enum: COMPARABILITIES },
    conditions: {
      type: 'array',
      items: object(['condition', 'outcome', 'reason'], { condition: { type: 'string', enum: COMPARABILITY_CONDITIONS }, outcome: { type: 'string', enum: CONDITION_OUTCOMES }, reason: text }),
    },
    sentence: text,
  },
};

export const schemas = {
  QuestionSet: object(['code', 'version', 'title', 'source', 'questions'], { code: text, version: integer, title: text, source: text, questions: objectList }),
  Survey: object(['id', 'council', 'title', 'method', 'sampling', 'fieldworkStart', 'fieldworkEnd', 'period', 'achievedSample', 'synthetic', 'verdict', 'revision', 'results'], {
    id: integer,
    council: text,
    title: text,
    method: text,
    sampling: text,
    fieldworkStart: day,
    fieldworkEnd: day,
    period: { type: 'string', description: "The financial year of the fieldwork's end, which its values are held for." },
    achievedSample: integer,
    weighting: anyObject,
    placements: objectList,
    tracker: { type: ['object', 'null'] },
    synthetic: { type: 'boolean', description: 'Made up for the demo.' },
    verdict,
    resultsConfirmed: boolean,
    revision: integer,
    results: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          questionCode: text,
          figure: { type: ['object', 'null'], description: 'Percentage positive with its 95% Wilson interval, on the effective base where weighted.' },
          nationalPoll: { type: ['object', 'null'] },
          comparableCouncils: {
            type: ['array', 'null'],
            description:
              "For each comparator group (nearest neighbours, region, type), the result beside the mean of comparable councils' released results by the domain's rule; councils whose released result may not fairly be compared are left out, each with its reason. Empty until any council's result is released; null for a question that is not benchmarked.",
            items: object(['group', 'label', 'reference', 'benchmark', 'significance', 'sentence', 'councils', 'leftOut'], {
              group: { type: 'string', enum: ['neighbours', 'region', 'type'] },
              label: text,
              reference: { type: 'string', description: "'comparable councils in the North East'" },
              benchmark: { type: ['number', 'null'], description: "The mean of the comparable councils' percentages; null when none is comparable." },
              significance: { type: 'string', enum: ['better', 'similar', 'worse', 'higher', 'lower', 'not_compared'] },
              sentence: text,
              councils: { type: 'array', items: codeAndName },
              leftOut: { type: 'array', items: { type: 'object', properties: { code: text, name: text, reason: text } } },
            }),
          },
          trend: {
            type: ['object', 'null'],
            description:
              "The question across the council's surveys up to this one that you may read: the waves (a tracker's by its wave numbers, one-off surveys in order of fieldwork; another method or set version left out with its reason), judged by the direction of travel from the wave before (95% intervals that do not overlap) and the chi-squared test for trend in proportions over the last five waves (99.8%), each in words with its reason.",
            required: ['waves', 'leftOut', 'direction', 'recent', 'words'],
            properties: {
              waves: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: { surveyId: integer, wave: integer, title: text, period: text, figure: { type: ['object', 'null'] } },
                },
              },
              leftOut: { type: 'array', items: { type: 'object', properties: { surveyId: integer, title: text, reason: text } } },
              direction: {
                type: 'object',
                properties: {
                  judgement: { type: 'string', enum: ['improving', 'worsening', 'increasing', 'decreasing', 'no_significant_change', 'not_compared', 'not_computed'] },
                  change: number,
                  reason: text,
                },
              },
              recent: {
                type: 'object',
                properties: {
                  judgement: { type: 'string', enum: ['getting_better', 'getting_worse', 'increasing', 'decreasing', 'no_significant_change', 'not_computed'] },
                  method: text,
                  pValue: number,
                  reason: text,
                },
              },
              words: {
                type: 'object',
                description: 'Each judgement as a headline and its reason, as the page and the CSV give them.',
                properties: {
                  direction: { type: 'object', properties: { headline: text, reason: text } },
                  recent: { type: 'object', properties: { headline: text, reason: text } },
                },
              },
            },
          },
          metricCode: nullableText,
        },
      },
    },
  }),
};
