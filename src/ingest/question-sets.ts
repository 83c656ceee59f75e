// The question sets kept with Lantern (data/surveys/*.json, see its
// PROVENANCE.md), loaded into the store on first use: each set at its
// version, with the hub metric of each benchmarkable question. Loading them
// again changes nothing, so every server may do it as it starts. A kept file
// whose set changed its questions or wording at a version already held is
// refused (checkNewVersion): the change is a new version, or surveys that
// named the old one would be read with words they never asked.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkNewVersion, readQuestionSet } from '../domain/surveys/index.ts';
import type { QuestionSet } from '../domain/surveys/index.ts';
import type { Sql } from '../store/store.ts';
import { ensureSurveyMetrics, questionSetVersions, saveQuestionSet } from '../store/surveys.ts';

export const QUESTION_SETS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'data', 'surveys');

/** The sets in `folder`, each read by the domain's reader; a set it refuses is an error naming the file, since the files are Lantern's own. */
export function keptQuestionSets(folder = QUESTION_SETS_DIR): QuestionSet[] {
  if (!fs.existsSync(folder)) return [];
  return fs
    .readdirSync(folder)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => {
      const read = readQuestionSet(JSON.parse(fs.readFileSync(path.join(folder, name), 'utf8')));
      if (read.kind === 'invalid') throw new Error(`${name}: ${read.problems.map((p) => p.message).join('; ')}`);
      return read.set;
    });
}

/** Keeps every set of `folder` and its metrics, in one transaction; returns how many sets were new. */
export async function loadQuestionSets(sql: Sql, folder = QUESTION_SETS_DIR): Promise<number> {
  const sets = keptQuestionSets(folder);
  return sql.begin(async (tx) => {
    let made = 0;
    for (const set of sets) {
      const changed = checkNewVersion(await questionSetVersions(tx, set.code), set);
      if (changed.length > 0) throw new Error(`${folder}: ${changed.map((p) => p.message).join('; ')}`);
      if (await saveQuestionSet(tx, set, null)) made++;
      await ensureSurveyMetrics(tx, set);
    }
    return made;
  });
}

const loading = new WeakMap<Sql, Promise<number>>();

/** Loads the kept sets once a process and store: the first caller waits for it, the rest share its answer. */
export function questionSetsLoaded(sql: Sql): Promise<number> {
  let found = loading.get(sql);
  if (!found) {
    found = loadQuestionSets(sql);
    found.catch(() => loading.delete(sql)); // a failed load is tried again by the next caller
    loading.set(sql, found);
  }
  return found;
}
