/**
 * Early Warning System: train per-grade candidates on chosen cohorts, compare with the current model, promote,
 * score live data for a district or school (on demand) or for the state (a stored run), and compare a
 * school's flag rates with the state's over time (early-warning.md §1.1, §3–§5; decisions 0056–0059).
 */
import { createHash } from 'node:crypto';
import type {
  EwsCohorts,
  EwsComparison,
  EwsComparisonOverTime,
  EwsModelCard,
  EwsModelSummary,
  EwsScoreRun,
  EwsStudentsResponse,
  EwsTrainRequest,
  EwsTrainResponse,
} from '@bitterroot/contracts';
import {
  evaluateRows,
  featuresFromTotals,
  horizonFor,
  scoreWithArtifact,
  trainGradeModel,
  type EwsGrade,
  type EwsSettings,
  type TrainingRow,
} from '@bitterroot/core';
import type { Database } from '../../db/database.ts';
import {
  analyzeStaleEwsTables,
  placeExists,
  readRawStudents,
  type PopulationFilter,
} from './ews-inputs.repository.ts';
import {
  currentModels,
  findModel,
  insertModel,
  listModels,
  promoteModel,
  type StoredModel,
} from './ews-model.repository.ts';
import {
  insertScoreRun,
  readCohorts,
  readRaceLabels,
  readRatesOverTime,
  type ScoreRow,
} from './ews-score.repository.ts';
import { auditEws, CLI_ACTOR, type EwsActor } from './ews-audit.ts';
import { ewsStudentsService } from './ews-students.service.ts';
import { cohortRows, schoolYearOf } from './ews-training.ts';
import { modelCard, modelSummary } from './ews.presenter.ts';
import { scoreUploadedYear, uploadedStudentsAt } from './ews-uploaded.service.ts';
import { countScoredUploaded } from './ews-uploaded.repository.ts';

const ALL_GRADES: EwsGrade[] = [6, 7, 8, 9, 10, 11, 12];

/** A request the service refuses, with the reason shown to the user (422). */
export type EwsRejection = { kind: 'rejected'; message: string };

/** Early-warning operations over one database and the profile's settings. */
export function earlyWarningService(database: Database, settings: EwsSettings, schoolYear: number) {
  const db = database.db;
  // Years whose outcomes are known: before the current year, minus the rest of the horizon.
  const closedThrough = schoolYear - settings.horizonYears;
  const closedFor = (g: EwsGrade) => schoolYear - horizonFor(settings, g);

  async function scoreLive(filter: PopulationFilter) {
    const models = await currentModels(db);
    const students = await readRawStudents(db, filter, false);
    const scored = [];
    for (const s of students) {
      const model = models.get(s.grade);
      if (!model) continue;
      const features = featuresFromTotals(s, filter.asOf, s.grade as EwsGrade);
      scored.push({ student: s, model, score: scoreWithArtifact(model.artifact, features) });
    }
    const unscoredGrades = ALL_GRADES.filter((g) => !models.has(g));
    return { scored, unscoredGrades, models };
  }

  return {
    ...ewsStudentsService(database),

    /** School years available for training and the last one whose outcomes are complete. */
    async cohorts(): Promise<EwsCohorts> {
      return { cohorts: await readCohorts(db), closedThrough };
    },

    /**
     * Trains a candidate per grade on `trainYears`, tested out of time on `testYear`; the training is written
     * to the audit log (who, when, which cohorts, which models). No actor: the command line.
     */
    async train(req: EwsTrainRequest, by: EwsActor | null): Promise<EwsTrainResponse | EwsRejection> {
      const actor = by ?? CLI_ACTOR;
      const userId = actor.userId;
      const years = [...new Set(req.trainYears)].sort((a, b) => a - b);
      if (req.testYear <= years[years.length - 1]!)
        return {
          kind: 'rejected',
          message: 'the test year must come after every training year (out of time)',
        };
      if (req.testYear > closedThrough)
        return {
          kind: 'rejected',
          message: `outcomes are complete only through ${closedThrough}; choose earlier years`,
        };
      const raceLabels = await readRaceLabels(db);
      const train = new Map<EwsGrade, TrainingRow[]>();
      const excluded: Record<string, number> = {};
      for (const y of years) {
        const c = await cohortRows(db, y, settings, raceLabels);
        for (const [g, rows] of c.rows) train.set(g, [...(train.get(g) ?? []), ...rows]);
        for (const [k, n] of Object.entries(c.excluded)) excluded[k] = (excluded[k] ?? 0) + n;
      }
      const test = await cohortRows(db, req.testYear, settings, raceLabels);
      const results: EwsTrainResponse['results'] = [];
      for (const grade of req.grades ?? ALL_GRADES) {
        const g = grade as EwsGrade;
        if (req.testYear > closedFor(g)) {
          const reason = `grade ${g} outcomes are complete only through ${closedFor(g)}`;
          results.push({ grade: g, model: null, reason, excluded });
          continue;
        }
        const out = trainGradeModel(
          g,
          train.get(g) ?? [],
          test.rows.get(g) ?? [],
          { trainYears: years, testYear: req.testYear },
          settings,
        );
        if (out.kind === 'not-trained') {
          results.push({ grade: g, model: null, reason: out.reason, excluded });
          continue;
        }
        const json = JSON.stringify(out.artifact);
        const hash = createHash('sha256').update(json).digest('hex');
        const stored = await insertModel(db, out.artifact, hash, userId);
        results.push({ grade: g, model: modelSummary(stored), reason: null, excluded });
      }
      await auditEws(db, actor, 'ews.train', {
        entity: 'ews_model',
        detail: {
          trainYears: years,
          testYear: req.testYear,
          models: results.flatMap((r) =>
            r.model ? [{ grade: r.grade, id: r.model.id, version: r.model.version }] : [],
          ),
          notTrained: results.flatMap((r) => (r.model ? [] : [{ grade: r.grade, reason: r.reason }])),
        },
      });
      return { results };
    },

    /** Every stored model. */
    async models(): Promise<EwsModelSummary[]> {
      return (await listModels(db)).map(modelSummary);
    },

    /** A model card, or null for an unknown id. */
    async card(id: number): Promise<EwsModelCard | null> {
      const m = await findModel(db, id);
      return m ? modelCard(m) : null;
    },

    /** A model against its grade's current model on the model's own test cohort. */
    async compare(id: number): Promise<EwsComparison | null> {
      const candidate = await findModel(db, id);
      if (!candidate) return null;
      const current = (await currentModels(db)).get(candidate.grade) ?? null;
      const other = current && current.id !== candidate.id ? current : null;
      const test = await cohortRows(db, candidate.artifact.test.year, settings, await readRaceLabels(db));
      const rows = test.rows.get(candidate.grade as EwsGrade) ?? [];
      const on = (m: StoredModel) => evaluateRows(m.artifact.model, rows, settings, m.artifact.thresholds);
      return {
        candidate: modelSummary(candidate),
        current: other ? modelSummary(other) : null,
        candidateOnTest: on(candidate),
        currentOnTest: other ? on(other) : null,
      };
    },

    /**
     * Makes a model its grade's current one (the previous one is retired), atomically with its audit event
     * (who, when, which model replaced which). No actor: the command line.
     */
    async promote(id: number, by: EwsActor | null): Promise<EwsModelSummary | null> {
      const actor = by ?? CLI_ACTOR;
      return await db.transaction().execute(async (trx) => {
        const m = await findModel(trx, id);
        if (!m) return null;
        const previous = (await currentModels(trx)).get(m.grade) ?? null;
        await promoteModel(trx, id, m.grade, actor.userId);
        await auditEws(trx, actor, 'ews.promote', {
          entity: 'ews_model',
          entityId: String(id),
          detail: {
            grade: m.grade,
            version: m.version,
            contentHash: m.contentHash,
            replaced: previous && previous.id !== id ? { id: previous.id, version: previous.version } : null,
          },
        });
        return modelSummary((await findModel(trx, id))!);
      });
    },

    /** Live scores of a district or school as of a date, highest risk first; null for an unknown place. */
    async students(
      district: string,
      school: string | null,
      asOf: string,
    ): Promise<EwsStudentsResponse | null> {
      if (!(await placeExists(db, district, school))) return null;
      const schoolYear = schoolYearOf(asOf);
      const { scored, unscoredGrades, models } = await scoreLive({
        schoolYear,
        asOf,
        districtNumber: district,
        ...(school ? { schoolNumber: school } : {}),
      });
      // Students the district uploaded (not in the system) are scored the same way and marked (decision 0071).
      const place = { district, school, schoolYear };
      const uploaded = await uploadedStudentsAt(db, { ...place, asOf }, models);
      const students = [
        ...scored.map(({ student, model, score }) => ({
          stateId: student.stateId,
          name: student.name,
          schoolNumber: student.schoolNumber,
          grade: student.grade,
          probability: score.probability,
          band: score.band,
          reasons: score.reasons,
          modelVersion: model.version,
          source: 'live' as const,
          localId: null,
        })),
        ...uploaded,
      ].sort((a, b) => b.probability - a.probability);
      return {
        districtNumber: district,
        schoolNumber: school,
        asOf,
        unscoredGrades,
        students,
        uploadedScored: await countScoredUploaded(db, place),
      };
    },

    /** Scores every enrolled student in grades 6–12 of the state and stores the run (nightly or on demand). */
    async scoreState(asOf: string, userId: number | null): Promise<EwsScoreRun> {
      await analyzeStaleEwsTables(db);
      const { scored, unscoredGrades } = await scoreLive({ schoolYear: schoolYearOf(asOf), asOf });
      const rows: ScoreRow[] = scored.map(({ student, model, score }) => ({
        studentId: student.studentId,
        districtNumber: student.districtNumber,
        schoolNumber: student.schoolNumber,
        grade: student.grade,
        modelId: model.id,
        probability: score.probability,
        band: score.band,
        reasons: score.reasons,
      }));
      const schoolYear = schoolYearOf(asOf);
      const { id, uploaded } = await db.transaction().execute(async (trx) => ({
        id: await insertScoreRun(trx, { asOf, schoolYear, userId }, rows),
        // Uploaded students (not in the system) are re-scored with the current models too (decision 0071).
        uploaded: await scoreUploadedYear(trx, schoolYear),
      }));
      return { id, asOf, students: rows.length, unscoredGrades, uploaded };
    },

    /** Flag rates of a district or school beside the state's at each stored as-of date. */
    async ratesOverTime(district: string, school: string | null): Promise<EwsComparisonOverTime | null> {
      if (!(await placeExists(db, district, school))) return null;
      const min = settings.minimumGroupSize;
      const share = (n: number, of: number, gate: number) => (gate < min || of === 0 ? null : n / of);
      const points = (await readRatesOverTime(db, district, school)).map((p) => ({
        asOf: p.asOf,
        localStudents: p.localStudents,
        localHighRate: share(p.localHigh, p.localStudents, p.localStudents),
        localModerateRate: share(p.localModerate, p.localStudents, p.localStudents),
        stateStudents: p.stateStudents,
        stateHighRate: share(p.stateHigh, p.stateStudents, p.stateStudents),
        stateModerateRate: share(p.stateModerate, p.stateStudents, p.stateStudents),
      }));
      return { districtNumber: district, schoolNumber: school, points };
    },
  };
}

/** The early-warning service. */
export type EarlyWarningService = ReturnType<typeof earlyWarningService>;
