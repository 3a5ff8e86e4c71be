import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Queryable } from "../platform/db.ts";
import { ConflictError, NotFoundError } from "../platform/errors.ts";
import { type FormErrors, type FormValues, normalizeForm } from "../platform/forms.ts";
import { countOutOf } from "../platform/french.ts";
import { pageChrome, redirectWithFlash, sendPage } from "../platform/page.ts";
import { currentUser, todayInParis } from "../platform/request-context.ts";
import {
  type EnrolmentDetail,
  findEnrolment,
  findTraining,
  isUuid,
  lockEnrolment,
} from "../training/queries.ts";
import { sessionUsesTest, storedScore, testScore } from "../training/rules.ts";
import {
  addQuestion,
  allowRetake,
  attemptContexts,
  attemptsOf,
  deleteQuestion,
  type QuestionRow,
  recordAttempt,
  recordRefusal,
  testOfTraining,
} from "./queries.ts";
import { type AttemptContext, attemptRefusal, canRefuseTest, checkQuestion } from "./rules.ts";
import { takeTestPage, testEditorPage } from "./views.tsx";

/*
 * Knowledge tests (tests d'évaluation des connaissances).
 *
 *   GET, POST  /formation/formations/:id/test                               write the test of a training (formation)
 *   POST       /formation/formations/:id/test/questions/:questionId/suppression  remove a question (formation)
 *   GET, POST  /formation/inscriptions/:id/test                             the trainee takes the test; scored on submit
 *   POST       /formation/inscriptions/:id/refus-test                       the trainee declares they refuse the test
 *   POST       /formation/inscriptions/:id/nouvel-essai                     the training service allows one more attempt
 *
 * Only the trainee of an enrolment takes its test (anyone else gets a 404); one attempt, unless the
 * training service allows a retake. The attempt, the enrolment's score and its validation are
 * written in one transaction.
 */

const formationOnly = { roles: ["formation" as const] };
const traineeRoles = { roles: ["intervenant" as const, "chef_service" as const] };

function dbOf(request: FastifyRequest) {
  return request.server.deps.database.db;
}

/** The fields of the question form, in the order of the form. */
function questionDraft(values: FormValues) {
  const choices = Array.from({ length: 6 }, (_, i) => {
    const v = values[`choice${i + 1}`];
    return typeof v === "string" ? v : null;
  });
  const correct = ([] as string[])
    .concat(values.correct ?? [])
    .map(Number)
    .filter((n) => Number.isInteger(n) && n >= 0 && n < 6);
  const prompt = typeof values.prompt === "string" ? values.prompt : null;
  return { prompt, choices, correct };
}

/** The trainee's own enrolment and where it stands with the test; 404 for anyone else. */
async function ownEnrolment(
  db: Queryable,
  request: FastifyRequest,
  id: string,
): Promise<{ detail: EnrolmentDetail; context: AttemptContext; today: string }> {
  const user = currentUser(request);
  const detail = await findEnrolment(db, id);
  if (!detail || detail.enrolment.traineeId !== user.id) throw new NotFoundError();
  const today = todayInParis();
  const contexts = await attemptContexts(
    db,
    [
      {
        id,
        status: detail.enrolment.status,
        sessionStatus: detail.session.status,
        startsOn: detail.session.startsOn,
        endsOn: detail.session.endsOn,
        testRefused: detail.enrolment.testRefused,
        trainingId: detail.training.id,
      },
    ],
    today,
  );
  const context = contexts.get(id);
  if (!context) throw new NotFoundError();
  return { detail, context, today };
}

/** Reads the answers of the form: the indexes chosen for each question, and the questions left blank. */
function readAnswers(questions: QuestionRow[], values: FormValues) {
  const errors: FormErrors = {};
  const answers = questions.map((q, index) => {
    const raw = ([] as string[]).concat(values[`q-${q.id}`] ?? []);
    const chosen = raw.map(Number);
    const valid = chosen.every((n) => Number.isInteger(n) && n >= 0 && n < q.choices.length);
    if (chosen.length === 0 || !valid) {
      errors[`q-${q.id}`] = `Répondez à la question ${index + 1}`;
    } else if (q.correct.length === 1 && chosen.length > 1) {
      errors[`q-${q.id}`] = `Choisissez une seule réponse à la question ${index + 1}`;
    }
    return { questionId: q.id, chosen: [...new Set(chosen)].sort((a, b) => a - b) };
  });
  return { errors, answers };
}

export async function knowledgeTestRoutes(app: FastifyInstance): Promise<void> {
  // ------------------------------------------------------------------------------------------
  // Writing a test (training service)
  // ------------------------------------------------------------------------------------------

  app.get("/formation/formations/:id/test", { config: formationOnly }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const db = dbOf(request);
    const training = await findTraining(db, id);
    if (!training) throw new NotFoundError();
    const test = await testOfTraining(db, id);
    return sendPage(
      reply,
      testEditorPage({
        chrome: pageChrome(request, reply),
        training,
        questions: test?.questions ?? [],
        values: {},
        errors: {},
      }),
    );
  });

  app.post("/formation/formations/:id/test", { config: formationOnly }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const user = currentUser(request);
    const db = dbOf(request);
    const training = await findTraining(db, id);
    if (!training) throw new NotFoundError();
    const values = normalizeForm(request.body);
    const checked = checkQuestion(questionDraft(values));
    if (!checked.ok) {
      const { choices, ...rest } = checked.errors;
      const errors: FormErrors = { ...rest, ...(choices ? { choice1: choices } : {}) };
      const ordered: FormErrors = {};
      for (const key of ["prompt", "choice1", "correct"]) if (errors[key]) ordered[key] = errors[key];
      const test = await testOfTraining(db, id);
      return sendPage(
        reply,
        testEditorPage({
          chrome: pageChrome(request, reply),
          training,
          questions: test?.questions ?? [],
          values,
          errors: ordered,
        }),
        422,
      );
    }
    await db.transaction((tx) => addQuestion(tx, id, checked.question, user.id));
    return redirectWithFlash(
      request,
      reply,
      `/formation/formations/${id}/test`,
      "La question a été ajoutée au test.",
    );
  });

  app.post(
    "/formation/formations/:id/test/questions/:questionId/suppression",
    { config: formationOnly },
    async (request, reply) => {
      const { id, questionId } = request.params as { id: string; questionId: string };
      if (!isUuid(id) || !isUuid(questionId)) throw new NotFoundError();
      const removed = await dbOf(request).transaction((tx) => deleteQuestion(tx, id, questionId));
      if (!removed) throw new NotFoundError();
      return redirectWithFlash(
        request,
        reply,
        `/formation/formations/${id}/test`,
        "La question a été supprimée.",
      );
    },
  );

  // ------------------------------------------------------------------------------------------
  // Taking a test (the trainee)
  // ------------------------------------------------------------------------------------------

  app.get("/formation/inscriptions/:id/test", { config: traineeRoles }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const db = dbOf(request);
    const { detail, context } = await ownEnrolment(db, request, id);
    const test = await testOfTraining(db, detail.training.id);
    return sendPage(
      reply,
      takeTestPage({
        chrome: pageChrome(request, reply),
        detail,
        questions: test?.questions ?? [],
        refusal: attemptRefusal(context),
        values: {},
        errors: {},
      }),
    );
  });

  app.post("/formation/inscriptions/:id/test", { config: traineeRoles }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const db = dbOf(request);
    const values = normalizeForm(request.body);
    const outcome = await db.transaction(async (tx) => {
      // Lock the enrolment first: two submissions of the same form cannot both count.
      await lockEnrolment(tx, id);
      const { detail, context } = await ownEnrolment(tx, request, id);
      const refusal = attemptRefusal(context);
      if (refusal) throw new ConflictError(refusal);
      const test = await testOfTraining(tx, detail.training.id);
      if (!test) throw new ConflictError("Le test de cette formation n'est pas encore disponible.");
      const { errors, answers } = readAnswers(test.questions, values);
      if (Object.keys(errors).length > 0)
        return { ok: false as const, detail, questions: test.questions, errors };
      const score = testScore(
        test.questions.map((q) => ({ correct: q.correct })),
        answers.map((a) => a.chosen),
      );
      const stored = storedScore(score.correct, score.total);
      await recordAttempt(tx, {
        enrolmentId: id,
        testId: test.test.id,
        answers,
        correctCount: score.correct,
        questionCount: score.total,
        score: stored,
      });
      return { ok: true as const, score, stored };
    });
    if (!outcome.ok) {
      return sendPage(
        reply,
        takeTestPage({
          chrome: pageChrome(request, reply),
          detail: outcome.detail,
          questions: outcome.questions,
          refusal: null,
          values,
          errors: outcome.errors,
        }),
        422,
      );
    }
    const { score, stored } = outcome;
    const percent = String(stored).replace(".", ",");
    const verdict =
      stored >= 50
        ? "La formation est validée."
        : "Le score est inférieur à 50 % : la formation n'est pas validée.";
    return redirectWithFlash(
      request,
      reply,
      `/formation/inscriptions/${id}`,
      `Test enregistré : ${countOutOf(score.correct, score.total, "bonne réponse", "bonnes réponses")}, soit ${percent} %. ${verdict}`,
    );
  });

  app.post("/formation/inscriptions/:id/refus-test", { config: traineeRoles }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const db = dbOf(request);
    await db.transaction(async (tx) => {
      await lockEnrolment(tx, id);
      const { detail, context } = await ownEnrolment(tx, request, id);
      if (!sessionUsesTest(detail.session.startsOn) || !canRefuseTest(context)) {
        throw new ConflictError(
          attemptRefusal({ ...context, questionCount: Math.max(1, context.questionCount) }) ??
            "Vous avez déjà passé ce test : il ne peut plus être refusé.",
        );
      }
      await recordRefusal(tx, id);
    });
    return redirectWithFlash(
      request,
      reply,
      `/formation/inscriptions/${id}`,
      "Votre refus de passer le test est enregistré : la formation n'est pas validée.",
    );
  });

  // ------------------------------------------------------------------------------------------
  // Retake (training service)
  // ------------------------------------------------------------------------------------------

  app.post("/formation/inscriptions/:id/nouvel-essai", { config: formationOnly }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const user = currentUser(request);
    const db = dbOf(request);
    const detail = await findEnrolment(db, id);
    if (!detail) throw new NotFoundError();
    if ((await attemptsOf(db, id)).length === 0) {
      throw new ConflictError(
        "Ce stagiaire n'a pas encore passé le test : il n'y a pas d'essai à renouveler.",
      );
    }
    await db.transaction((tx) => allowRetake(tx, id, user.id));
    return redirectWithFlash(
      request,
      reply,
      `/formation/sessions/${detail.session.id}/resultats`,
      `Un nouvel essai au test est autorisé pour ${detail.enrolment.traineeFirstName} ${detail.enrolment.traineeLastName}.`,
    );
  });
}
