/** Pure rules of the knowledge tests: writing a question, and who may submit an attempt. */

import { KNOWLEDGE_TEST_FROM_YEAR } from "../training/reference.ts";

/** A question has from 2 to 6 choices. */
export const CHOICES_PER_QUESTION = { min: 2, max: 6 } as const;
export const PROMPT_MAX_LENGTH = 1000;
export const CHOICE_MAX_LENGTH = 300;

export interface QuestionDraft {
  prompt: string | null;
  /** One slot per choice field of the form (empty slots are ignored). */
  choices: readonly (string | null)[];
  /** Indexes of the slots ticked as right. */
  correct: readonly number[];
}

export interface Question {
  prompt: string;
  choices: string[];
  correct: number[];
}

export type QuestionErrors = Partial<Record<"prompt" | "choices" | "correct", string>>;

/**
 * Checks a question typed in the form and compacts it: the empty choice fields are dropped and the
 * right answers renumbered accordingly.
 */
export function checkQuestion(
  draft: QuestionDraft,
): { ok: true; question: Question } | { ok: false; errors: QuestionErrors } {
  const errors: QuestionErrors = {};
  const prompt = draft.prompt?.trim() ?? "";
  if (prompt === "") errors.prompt = "Saisissez l'énoncé de la question";
  else if (prompt.length > PROMPT_MAX_LENGTH) {
    errors.prompt = `L'énoncé doit faire ${PROMPT_MAX_LENGTH} caractères au plus`;
  }
  const choices: string[] = [];
  const correct: number[] = [];
  let rightOnEmpty = false;
  draft.choices.forEach((raw, slot) => {
    const text = raw?.trim() ?? "";
    const isRight = draft.correct.includes(slot);
    if (text === "") {
      if (isRight) rightOnEmpty = true;
      return;
    }
    if (isRight) correct.push(choices.length);
    choices.push(text);
  });
  if (choices.length < CHOICES_PER_QUESTION.min) {
    errors.choices = `Saisissez au moins ${CHOICES_PER_QUESTION.min} réponses possibles`;
  } else if (choices.length > CHOICES_PER_QUESTION.max) {
    errors.choices = `Une question propose au plus ${CHOICES_PER_QUESTION.max} réponses`;
  } else if (choices.some((c) => c.length > CHOICE_MAX_LENGTH)) {
    errors.choices = `Chaque réponse doit faire ${CHOICE_MAX_LENGTH} caractères au plus`;
  } else if (new Set(choices.map((c) => c.toLocaleLowerCase("fr-FR"))).size !== choices.length) {
    errors.choices = "Deux réponses proposées sont identiques";
  }
  if (rightOnEmpty) errors.correct = "Une réponse cochée comme bonne est vide";
  else if (correct.length === 0) errors.correct = "Cochez au moins une bonne réponse";
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, question: { prompt, choices, correct } };
}

function frenchDate(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

export interface AttemptContext {
  /** The enrolment holds a place in the session (not on the waiting list, not cancelled). */
  enrolled: boolean;
  sessionCancelled: boolean;
  sessionStart: string;
  sessionEnd: string;
  today: string;
  /** Number of questions of the training's test (0 when the test is not written). */
  questionCount: number;
  testRefused: boolean;
  /** Attempts already submitted for this enrolment. */
  attempts: number;
  /** The training service allowed one more attempt. */
  retakeAllowed: boolean;
}

/**
 * Why the trainee cannot submit the test now, in French; null when they can. The test opens on the
 * last day of the session; one attempt only, unless the training service allows a retake.
 */
export function attemptRefusal(c: AttemptContext): string | null {
  if (c.sessionCancelled) return "La session a été annulée : il n'y a pas de test à passer.";
  if (!c.enrolled) return "Seuls les stagiaires inscrits à la session passent le test.";
  if (Number(c.sessionStart.slice(0, 4)) < KNOWLEDGE_TEST_FROM_YEAR) {
    return `Les formations antérieures à ${KNOWLEDGE_TEST_FROM_YEAR} sont validées par la présence : il n'y a pas de test.`;
  }
  if (c.today < c.sessionEnd) {
    return `Le test sera ouvert à la fin de la session, le ${frenchDate(c.sessionEnd)}.`;
  }
  if (c.questionCount === 0) return "Le test de cette formation n'est pas encore disponible.";
  if (c.testRefused) return "Vous avez refusé de passer ce test.";
  if (c.attempts > 0 && !c.retakeAllowed) {
    return "Vous avez déjà passé ce test. Un nouvel essai n'est possible que si le service Formation l'autorise.";
  }
  return null;
}

/** Whether the trainee may still declare that they refuse the test. */
export function canRefuseTest(c: AttemptContext): boolean {
  return attemptRefusal({ ...c, questionCount: Math.max(1, c.questionCount) }) === null && c.attempts === 0;
}
