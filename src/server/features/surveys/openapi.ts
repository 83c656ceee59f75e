// Surveys' part of the OpenAPI document: the parameters and bodies come from
// the schemas the routes check them with (api-inputs.ts).
import { COMPARABILITIES, COMPARABILITY_CONDITIONS, CONDITION_OUTCOMES } from '../../../domain/surveys/index.ts';
import { error, json, list, nullable, ref, refusals, withMissing } from '../../platform/service/openapi-parts.ts';
import { jsonBody, pathParameters, queryParameters } from '../../platform/service/openapi-input.ts';
import { councilQuery, questionSetBody, resultsBody, resultsImportQuery, surveyBody, surveyChangeBody, surveyPath } from './api-inputs.ts';

const survey = json(ref('Survey'));
const repeated = { 409: error('The same survey is already recorded for the council, period and method (and wave): details.existing is its id; or it changed since it was read.') };

export const paths = {
  '/api/question-sets': {
    get: {
      operationId: 'listQuestionSets',
      summary: 'The question sets surveys ask, each at its latest version: the LGA resident satisfaction questions and those administrators added',
      responses: { 200: { description: 'The sets.', content: json(list('QuestionSet')) } },
    },
    post: {
      operationId: 'addQuestionSet',
      summary: "Add a question set at a new version (administrators); its benchmarkable questions' metrics are made as survey metrics",
      requestBody: jsonBody(questionSetBody),
      responses: { 201: { description: 'Added.', content: json(ref('QuestionSet')) }, ...refusals, 409: error('The set is kept at that version already: a changed wording is a new version.') },
    },
  },
  '/api/surveys': {
    get: {
      operationId: 'listSurveys',
      summary: "A council's surveys that you may read, latest fieldwork first (England's: the national poll's waves)",
      parameters: queryParameters(councilQuery),
      responses: {
        200: { description: 'The surveys, without their results.', content: json({ type: 'object', required: ['items'], properties: { items: { type: 'array', items: { type: 'object' } } } }) },
        ...refusals,
      },
    },
    post: {
      operationId: 'addSurvey',
      summary: "Record your council's survey as it was run (councils' performance officers): method, sampling, fieldwork, achieved sample, weighting, where the set's questions sat",
      requestBody: jsonBody(surveyBody),
      responses: { 201: { description: 'Recorded.', content: survey }, ...refusals, ...repeated },
    },
  },
  '/api/surveys/national-poll': {
    post: {
      operationId: 'addNationalPollWave',
      summary: "Record a wave of the LGA's national poll (administrators): a survey of England, the public reference series councils are set beside",
      requestBody: jsonBody(surveyBody.omit({ council: true })),
      responses: { 201: { description: 'Recorded.', content: survey }, ...refusals, ...repeated },
    },
  },
  '/api/surveys/national-poll/{id}/results': {
    post: {
      operationId: 'enterNationalPollResults',
      summary: "Enter a national poll wave's results (administrators), as counts per answer option",
      parameters: pathParameters(surveyPath),
      requestBody: jsonBody(resultsBody),
      responses: { 201: { description: 'Entered, with the verdict.', content: survey }, ...withMissing },
    },
  },
  '/api/surveys/{id}': {
    get: {
      operationId: 'getSurvey',
      summary:
        "A survey with its comparability verdict (a reason for each condition) and each question's percentage positive, Wilson interval, the national poll, comparable councils by the domain's rule and the trend judged across the council's waves",
      parameters: pathParameters(surveyPath),
      responses: { 200: { description: 'The survey.', content: survey }, ...withMissing },
    },
    put: {
      operationId: 'changeSurvey',
      summary: "Change the survey's record from its latest revision; results already entered are judged again",
      parameters: pathParameters(surveyPath),
      requestBody: jsonBody(surveyChangeBody),
      responses: { 200: { description: 'Changed.', content: survey }, ...withMissing, ...repeated },
    },
  },
  '/api/surveys/{id}/results.csv': {
    get: {
      operationId: 'getSurveyResultsCsv',
      summary:
        "A survey's results as CSV: each question's percentage positive, the national poll, comparable councils (with those left out and why) and the trend across the council's waves, every verdict with its sentence and reason",
      parameters: pathParameters(surveyPath),
      responses: { 200: { description: 'The CSV.', content: { 'text/csv': { schema: { type: 'string' } } } }, ...withMissing },
    },
  },
  '/api/surveys/{id}/results': {
    post: {
      operationId: 'enterSurveyResults',
      summary: 'Enter results as counts per answer option (and weighted percentages with their effective base where weighted); comparable ones become held values of their metrics',
      parameters: pathParameters(surveyPath),
      requestBody: jsonBody(resultsBody),
      responses: { 201: { description: 'Entered, with the verdict.', content: survey }, ...withMissing },
    },
  },
  '/api/surveys/{id}/results/import': {
    post: {
      operationId: 'importSurveyResults',
      summary: 'Enter results from a file (CSV, XLSX or ODS) of question, option, count[, weighted_percentage][, base][, effective_base]; every problem names the line and column',
      parameters: [...pathParameters(surveyPath), ...queryParameters(resultsImportQuery)],
      requestBody: { required: true, content: { 'text/csv': { schema: { type: 'string' } }, 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } },
      responses: { 201: { description: 'Entered, with the verdict.', content: survey }, ...withMissing },
    },
  },
};

const verdict = {
  type: ['object', 'null'],
  required: ['rule', 'overall', 'conditions', 'sentence'],
  properties: {
    rule: { type: 'object', properties: { code: { type: 'string' }, version: { type: 'integer' } } },
    overall: { type: 'string', enum: COMPARABILITIES },
    conditions: {
      type: 'array',
      items: {
        type: 'object',
        required: ['condition', 'outcome', 'reason'],
        properties: { condition: { type: 'string', enum: COMPARABILITY_CONDITIONS }, outcome: { type: 'string', enum: CONDITION_OUTCOMES }, reason: { type: 'string' } },
      },
    },
    sentence: { type: 'string' },
  },
};

export const schemas = {
  QuestionSet: {
    type: 'object',
    required: ['code', 'version', 'title', 'source', 'questions'],
    properties: { code: { type: 'string' }, version: { type: 'integer' }, title: { type: 'string' }, source: { type: 'string' }, questions: { type: 'array', items: { type: 'object' } } },
  },
  Survey: {
    type: 'object',
    required: ['id', 'council', 'title', 'method', 'sampling', 'fieldworkStart', 'fieldworkEnd', 'period', 'achievedSample', 'synthetic', 'verdict', 'revision', 'results'],
    properties: {
      id: { type: 'integer' },
      council: { type: 'string' },
      title: { type: 'string' },
      method: { type: 'string' },
      sampling: { type: 'string' },
      fieldworkStart: { type: 'string', format: 'date' },
      fieldworkEnd: { type: 'string', format: 'date' },
      period: { type: 'string', description: "The financial year of the fieldwork's end, which its values are held for." },
      achievedSample: { type: 'integer' },
      weighting: { type: 'object' },
      placements: { type: 'array', items: { type: 'object' } },
      tracker: { type: ['object', 'null'] },
      synthetic: { type: 'boolean', description: 'Made up for the demo.' },
      verdict,
      resultsConfirmed: { type: 'boolean' },
      revision: { type: 'integer' },
      results: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            questionCode: { type: 'string' },
            figure: { type: ['object', 'null'], description: 'Percentage positive with its 95% Wilson interval, on the effective base where weighted.' },
            nationalPoll: { type: ['object', 'null'] },
            comparableCouncils: {
              type: ['array', 'null'],
              description:
                "For each comparator group (nearest neighbours, region, type), the result beside the mean of comparable councils' released results by the domain's rule; councils whose released result may not fairly be compared are left out, each with its reason. Empty until any council's result is released; null for a question that is not benchmarked.",
              items: {
                type: 'object',
                required: ['group', 'label', 'reference', 'benchmark', 'significance', 'sentence', 'councils', 'leftOut'],
                properties: {
                  group: { type: 'string', enum: ['neighbours', 'region', 'type'] },
                  label: { type: 'string' },
                  reference: { type: 'string', description: "'comparable councils in the North East'" },
                  benchmark: { type: ['number', 'null'], description: "The mean of the comparable councils' percentages; null when none is comparable." },
                  significance: { type: 'string', enum: ['better', 'similar', 'worse', 'higher', 'lower', 'not_compared'] },
                  sentence: { type: 'string' },
                  councils: { type: 'array', items: { type: 'object', properties: { code: { type: 'string' }, name: { type: 'string' } } } },
                  leftOut: { type: 'array', items: { type: 'object', properties: { code: { type: 'string' }, name: { type: 'string' }, reason: { type: 'string' } } } },
                },
              },
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
                    properties: { surveyId: { type: 'integer' }, wave: { type: 'integer' }, title: { type: 'string' }, period: { type: 'string' }, figure: { type: ['object', 'null'] } },
                  },
                },
                leftOut: { type: 'array', items: { type: 'object', properties: { surveyId: { type: 'integer' }, title: { type: 'string' }, reason: { type: 'string' } } } },
                direction: {
                  type: 'object',
                  properties: {
                    judgement: { type: 'string', enum: ['improving', 'worsening', 'increasing', 'decreasing', 'no_significant_change', 'not_compared', 'not_computed'] },
                    change: { type: 'number' },
                    reason: { type: 'string' },
                  },
                },
                recent: {
                  type: 'object',
                  properties: {
                    judgement: { type: 'string', enum: ['getting_better', 'getting_worse', 'increasing', 'decreasing', 'no_significant_change', 'not_computed'] },
                    method: { type: 'string' },
                    pValue: { type: 'number' },
                    reason: { type: 'string' },
                  },
                },
                words: {
                  type: 'object',
                  description: 'Each judgement as a headline and its reason, as the page and the CSV give them.',
                  properties: {
                    direction: { type: 'object', properties: { headline: { type: 'string' }, reason: { type: 'string' } } },
                    recent: { type: 'object', properties: { headline: { type: 'string' }, reason: { type: 'string' } } },
                  },
                },
              },
            },
            metricCode: nullable('string'),
          },
        },
      },
    },
  },
};
