import { daysRemaining } from "../deadlines/rules.ts";
import { type PendingTest, PendingTestsNotice } from "../knowledge-tests/pending.tsx";
import { MEASURE_STATUSES, STATUS_LABELS } from "../measures/rules.ts";
import { statusTone } from "../measures/status-tag.tsx";
import { personName } from "../persons/views.tsx";
import { plural } from "../platform/french.ts";
import type { PageChrome } from "../platform/page.ts";
import { DataTable, DeadlineTag, formatDate, Pagination, Tag } from "../platform/views/display.tsx";
import { Button, SelectField } from "../platform/views/forms.tsx";
import { renderPage } from "../platform/views/layout.tsx";
import { PageHeader } from "../platform/views/page-header.tsx";
import type { DeadlineItem } from "../team/queries.ts";
import type { CaseloadRow } from "./queries.ts";

export interface CaseloadModel {
  /** The user's own knowledge tests to take (they are a trainee too). */
  pendingTests?: readonly PendingTest[];
  chrome: PageChrome;
  title: string;
  scope: "own" | "team" | "association";
  rows: CaseloadRow[];
  total: number;
  page: number;
  pageCount: number;
  today: string;
  filters: { typeCode?: string | undefined; status?: string | undefined; referentId?: string | undefined };
  types: { code: string; label: string }[];
  referents: { id: string; firstName: string; lastName: string }[];
  deadlines: { late: DeadlineItem[]; thisWeek: DeadlineItem[]; weekEnd: string };
}

const KIND_TITLES: Record<DeadlineItem["kind"], string> = {
  report: "Rapports",
  proof: "Justificatifs",
  action: "Actions du plan",
  measure_end: "Fins de mesure",
};
const PER_KIND = 5;

/** Deadlines grouped by kind (reports, proofs, actions, ends), the first few of each, oldest first. */
function DeadlineList({ items, today }: { items: DeadlineItem[]; today: string }) {
  const kinds = (Object.keys(KIND_TITLES) as DeadlineItem["kind"][]).filter((k) =>
    items.some((i) => i.kind === k),
  );
  return (
    <div class="deadline-groups">
      {kinds.map((kind) => {
        const group = items.filter((i) => i.kind === kind);
        return (
          <div key={kind}>
            <h4 class="deadline-groups__title">
              {KIND_TITLES[kind]} ({group.length})
            </h4>
            <ul class="deadline-list">
              {group.slice(0, PER_KIND).map((i) => (
                <li key={`${i.kind}-${i.measureId}-${i.date}-${i.label}`}>
                  <DeadlineTag daysRemaining={daysRemaining(today, i.date)} /> <a href={i.href}>{i.label}</a>{" "}
                  – {personName(i)} ({i.typeLabel} {i.measureNumber})
                </li>
              ))}
              {group.length > PER_KIND ? <li>… et {plural(group.length - PER_KIND, "autre")}</li> : null}
            </ul>
          </div>
        );
      })}
    </div>
  );
}

export function caseloadPage(m: CaseloadModel): string {
  const query = (page: number) =>
    `/?${new URLSearchParams(
      Object.fromEntries(
        Object.entries({ ...m.filters, page: String(page) }).filter((e): e is [string, string] =>
          Boolean(e[1]),
        ),
      ),
    )}`;
  const openStatuses = MEASURE_STATUSES.filter((s) => s !== "cloturee");
  return renderPage({
    ...m.chrome,
    title: m.title,
    wide: true,
    children: (
      <>
        <PageHeader title={m.title} actions={<a href="/personnes/nouvelle">Ajouter une personne</a>} />
        <PendingTestsNotice tests={m.pendingTests ?? []} />
        <section class="deadline-summary" aria-labelledby="echeances">
          <h2 id="echeances">
            {plural(m.deadlines.late.length, "échéance")} en retard, {m.deadlines.thisWeek.length} cette
            semaine
          </h2>
          {m.deadlines.late.length > 0 ? (
            <>
              <h3>En retard</h3>
              <DeadlineList items={m.deadlines.late} today={m.today} />
            </>
          ) : null}
          {m.deadlines.thisWeek.length > 0 ? (
            <>
              <h3>D'ici au dimanche {formatDate(m.deadlines.weekEnd)}</h3>
              <DeadlineList items={m.deadlines.thisWeek} today={m.today} />
            </>
          ) : null}
          {m.scope !== "own" ? (
            <p>
              <a href="/equipe">Toutes les échéances de l'équipe</a>
            </p>
          ) : null}
        </section>
        <form method="get" action="/" class="filters" aria-label="Filtrer les mesures">
          <SelectField
            name="typeCode"
            label="Type de mesure"
            emptyLabel="Tous les types"
            options={m.types.map((t) => ({ value: t.code, label: t.label }))}
            value={m.filters.typeCode}
          />
          <SelectField
            name="status"
            label="Statut"
            emptyLabel="Tous les statuts ouverts"
            options={openStatuses.map((s) => ({ value: s, label: STATUS_LABELS[s] }))}
            value={m.filters.status}
          />
          {m.scope !== "own" ? (
            <SelectField
              name="referentId"
              label="Référent·e"
              emptyLabel="Toute l'équipe"
              options={m.referents.map((r) => ({ value: r.id, label: `${r.firstName} ${r.lastName}` }))}
              value={m.filters.referentId}
            />
          ) : null}
          <Button variant="secondary">Filtrer</Button>
        </form>
        <DataTable
          caption={`${plural(m.total, "mesure")} en cours, les échéances dépassées en premier`}
          head={[
            "Personne",
            "Mesure",
            "Juridiction",
            "Statut",
            ...(m.scope !== "own" ? ["Référent·e"] : []),
            "Prochaine échéance",
            "Délai",
          ]}
          empty="Aucune mesure en cours ne correspond à ces critères."
          rows={m.rows.map((r) => [
            <a href={`/mesures/${r.id}`}>
              {personName(r)}
              <span class="visually-hidden"> – mesure {r.number}</span>
            </a>,
            <>
              {r.typeLabel}
              <br />
              <span class="muted">{r.number}</span>
            </>,
            r.courtSeat,
            <Tag tone={statusTone(r.status)}>{STATUS_LABELS[r.status]}</Tag>,
            ...(m.scope !== "own" ? [`${r.referentFirstName} ${r.referentLastName}`] : []),
            r.nextDeadline ? (
              <>
                {r.nextDeadlineKind === "report" ? "Rapport" : "Fin de mesure"} : {formatDate(r.nextDeadline)}
              </>
            ) : (
              "—"
            ),
            <DeadlineTag daysRemaining={r.nextDeadline ? daysRemaining(m.today, r.nextDeadline) : null} />,
          ])}
        />
        <Pagination page={m.page} pageCount={m.pageCount} hrefFor={query} />
      </>
    ),
  });
}
