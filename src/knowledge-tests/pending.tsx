/**
 * A trainee's knowledge tests waiting for them (the session is over, the test is written, not taken nor
 * refused, or a retake is allowed): shown on their home page and on « Mon parcours CISJ ».
 */
import type { VNode } from "preact";
import type { Queryable } from "../platform/db.ts";
import { plural } from "../platform/french.ts";
import { formatDate, Notice } from "../platform/views/display.tsx";
import { enrolmentsOfTrainee } from "../training/queries.ts";
import { attemptContexts } from "./queries.ts";
import { attemptRefusal } from "./rules.ts";

export interface PendingTest {
  enrolmentId: string;
  trainingCode: string;
  trainingTitle: string;
  sessionEnd: string;
}

/** The tests the trainee can take today, the oldest session first. */
export async function pendingTestsOf(
  db: Queryable,
  traineeId: string,
  today: string,
): Promise<PendingTest[]> {
  const rows = await enrolmentsOfTrainee(db, traineeId);
  const contexts = await attemptContexts(db, rows, today);
  return rows
    .filter((r) => {
      const c = contexts.get(r.id);
      return c !== undefined && attemptRefusal(c) === null;
    })
    .map((r) => ({
      enrolmentId: r.id,
      trainingCode: r.trainingCode,
      trainingTitle: r.trainingTitle,
      sessionEnd: r.endsOn,
    }))
    .sort((a, b) => a.sessionEnd.localeCompare(b.sessionEnd));
}

export function PendingTestsNotice({ tests }: { tests: readonly PendingTest[] }): VNode | null {
  if (tests.length === 0) return null;
  return (
    <Notice
      tone="warning"
      title={`${plural(tests.length, "test de connaissances", "tests de connaissances")} à passer`}
    >
      <p>
        Depuis 2012, une formation est validée par son test (50 % au moins). Passez-le depuis le lien
        ci-dessous.
      </p>
      <ul>
        {tests.map((t) => (
          <li key={t.enrolmentId}>
            {t.trainingCode} – {t.trainingTitle} (session terminée le {formatDate(t.sessionEnd)}) :{" "}
            <a href={`/formation/inscriptions/${t.enrolmentId}/test`}>
              Passer le test<span class="visually-hidden"> de la formation {t.trainingCode}</span>
            </a>
          </li>
        ))}
      </ul>
    </Notice>
  );
}
