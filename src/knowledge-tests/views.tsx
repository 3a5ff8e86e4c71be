import type { PageChrome } from "../platform/page.ts";
import { Notice, Tag } from "../platform/views/display.tsx";
import {
  Button,
  CheckboxGroup,
  CsrfField,
  ErrorSummary,
  FormActions,
  type FormErrors,
  RadioGroup,
  TextArea,
  TextField,
} from "../platform/views/forms.tsx";
import { renderPage } from "../platform/views/layout.tsx";
import { PageHeader } from "../platform/views/page-header.tsx";
import type { EnrolmentDetail, TrainingRow } from "../training/queries.ts";
import { TEST_PASS_THRESHOLD } from "../training/reference.ts";
import { sessionDates } from "../training/views.tsx";
import type { QuestionRow } from "./queries.ts";
import { CHOICES_PER_QUESTION } from "./rules.ts";

type Values = Record<string, string | string[] | undefined>;

const SLOTS = Array.from({ length: CHOICES_PER_QUESTION.max }, (_, i) => i);

export interface TestEditorModel {
  chrome: PageChrome;
  training: TrainingRow;
  questions: QuestionRow[];
  values: Values;
  errors: FormErrors;
}

/** The training service writes the test of a training, one question at a time. */
export function testEditorPage(m: TestEditorModel): string {
  const t = m.training;
  const v = (k: string) => (typeof m.values[k] === "string" ? (m.values[k] as string) : undefined);
  const correct = ([] as string[]).concat(m.values.correct ?? []);
  return renderPage({
    ...m.chrome,
    title: `Test d'évaluation des connaissances – ${t.code}`,
    hasErrors: Object.keys(m.errors).length > 0,
    breadcrumbs: [
      { href: "/", label: "Accueil" },
      { href: "/formation", label: "Formations" },
      { href: `/formation/formations/${t.id}`, label: `${t.code} ${t.title}` },
      { label: "Test d'évaluation des connaissances" },
    ],
    children: (
      <>
        <ErrorSummary errors={m.errors} />
        <PageHeader caption={`${t.code} – ${t.title}`} title="Test d'évaluation des connaissances" />
        <p>
          Le stagiaire passe ce test en ligne à la fin de la session. Une question est juste quand toutes ses
          bonnes réponses, et elles seules, sont cochées. La formation est validée à partir de{" "}
          {TEST_PASS_THRESHOLD} % de bonnes réponses.
        </p>
        <h2>Questions ({m.questions.length})</h2>
        {m.questions.length === 0 ? (
          <p>Le test ne contient encore aucune question.</p>
        ) : (
          <ol class="link-list">
            {m.questions.map((q) => (
              <li key={q.id}>
                <p>
                  <strong>{q.prompt}</strong>
                </p>
                <ul>
                  {q.choices.map((c, i) => (
                    <li key={c}>
                      {c}
                      {q.correct.includes(i) ? (
                        <>
                          {" "}
                          <Tag tone="green">Bonne réponse</Tag>
                        </>
                      ) : null}
                    </li>
                  ))}
                </ul>
                <form
                  method="post"
                  action={`/formation/formations/${t.id}/test/questions/${q.id}/suppression`}
                >
                  <CsrfField token={m.chrome.csrfToken} />
                  <Button variant="secondary" small confirm="Supprimer cette question ?">
                    Supprimer la question<span class="visually-hidden"> « {q.prompt} »</span>
                  </Button>
                </form>
              </li>
            ))}
          </ol>
        )}
        <h2>Ajouter une question</h2>
        <form method="post" action={`/formation/formations/${t.id}/test`} novalidate>
          <CsrfField token={m.chrome.csrfToken} />
          <TextArea name="prompt" label="Énoncé" value={v("prompt")} error={m.errors.prompt} rows={3} />
          <fieldset class="fieldset">
            <legend class="legend">
              Réponses proposées (de {CHOICES_PER_QUESTION.min} à {CHOICES_PER_QUESTION.max})
            </legend>
            {SLOTS.map((i) => (
              <TextField
                key={i}
                name={`choice${i + 1}`}
                label={`Réponse ${i + 1}${i >= CHOICES_PER_QUESTION.min ? " (facultatif)" : ""}`}
                value={v(`choice${i + 1}`)}
                error={i === 0 ? m.errors.choice1 : undefined}
                width="long"
              />
            ))}
          </fieldset>
          <CheckboxGroup
            name="correct"
            legend="Bonnes réponses"
            hint="Cochez une ou plusieurs bonnes réponses"
            inline
            options={SLOTS.map((i) => ({ value: String(i), label: `Réponse ${i + 1}` }))}
            values={correct}
            error={m.errors.correct}
          />
          <FormActions>
            <Button>Ajouter la question</Button>
            <a href={`/formation/formations/${t.id}`}>Retour à la formation</a>
          </FormActions>
        </form>
      </>
    ),
  });
}

export interface TakeTestModel {
  chrome: PageChrome;
  detail: EnrolmentDetail;
  questions: QuestionRow[];
  /** Why the test cannot be taken now; null when it can. */
  refusal: string | null;
  values: Values;
  errors: FormErrors;
}

/** The trainee takes the test: one group of choices per question, scored on submit. */
export function takeTestPage(m: TakeTestModel): string {
  const { training, session, enrolment } = m.detail;
  const title = "Test d'évaluation des connaissances";
  return renderPage({
    ...m.chrome,
    title: `${title} – ${training.code}`,
    hasErrors: Object.keys(m.errors).length > 0,
    breadcrumbs: [
      { href: "/", label: "Accueil" },
      { href: "/formation", label: "Formations" },
      { href: "/formation/mes-inscriptions", label: "Mes inscriptions" },
      { href: `/formation/inscriptions/${enrolment.id}`, label: `${training.code} ${sessionDates(session)}` },
      { label: title },
    ],
    children: (
      <>
        <ErrorSummary errors={m.errors} />
        <PageHeader
          caption={`${training.code} – ${training.title}, session ${sessionDates(session)}`}
          title={title}
        />
        {m.refusal ? (
          <Notice tone="warning">
            <p>{m.refusal}</p>
            <p>
              <a href={`/formation/inscriptions/${enrolment.id}`}>Retour à mon inscription</a>
            </p>
          </Notice>
        ) : (
          <form method="post" action={`/formation/inscriptions/${enrolment.id}/test`} novalidate>
            <CsrfField token={m.chrome.csrfToken} />
            <p>
              {m.questions.length} questions. Une question est juste quand toutes ses bonnes réponses, et
              elles seules, sont choisies. La formation est validée à partir de {TEST_PASS_THRESHOLD} % de
              bonnes réponses. Une fois envoyées, vos réponses ne peuvent plus être modifiées.
            </p>
            {m.questions.map((q, index) => {
              const name = `q-${q.id}`;
              const options = q.choices.map((c, i) => ({ value: String(i), label: c }));
              const legend = `Question ${index + 1} : ${q.prompt}`;
              return q.correct.length > 1 ? (
                <CheckboxGroup
                  key={q.id}
                  name={name}
                  legend={legend}
                  hint="Plusieurs réponses possibles"
                  options={options}
                  values={([] as string[]).concat(m.values[name] ?? [])}
                  error={m.errors[name]}
                />
              ) : (
                <RadioGroup
                  key={q.id}
                  name={name}
                  legend={legend}
                  hint="Une seule réponse"
                  options={options}
                  value={typeof m.values[name] === "string" ? (m.values[name] as string) : null}
                  error={m.errors[name]}
                />
              );
            })}
            <FormActions>
              <Button>Envoyer mes réponses</Button>
              <a href={`/formation/inscriptions/${enrolment.id}`}>Annuler</a>
            </FormActions>
          </form>
        )}
      </>
    ),
  });
}
