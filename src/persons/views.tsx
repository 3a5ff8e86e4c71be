import { type MeasureStatus, STATUS_LABELS } from "../measures/rules.ts";
import { statusTone } from "../measures/status-tag.tsx";
import { plural } from "../platform/french.ts";
import type { PageChrome } from "../platform/page.ts";
import { DataTable, formatDate, Pagination, SummaryList, Tag } from "../platform/views/display.tsx";
import {
  AddressFields,
  Button,
  ButtonLink,
  Checkbox,
  CsrfField,
  DateField,
  ErrorSummary,
  FormActions,
  type FormErrors,
  SelectField,
  TextField,
} from "../platform/views/forms.tsx";
import { renderPage } from "../platform/views/layout.tsx";
import { PageHeader } from "../platform/views/page-header.tsx";
import { groupByMonth, type TimelineEvent } from "../timeline/rules.ts";
import { DuplicateWarning } from "./duplicate-warning.tsx";
import type { PersonMatch } from "./duplicates.ts";
import { FAMILY_SITUATION_LABELS, FAMILY_SITUATIONS, SEX_LABELS } from "./form.ts";
import type { PersonRow } from "./queries.ts";

export function personName(p: { lastName: string; firstName: string; usedName?: string | null }): string {
  const used = p.usedName ? ` (${p.usedName})` : "";
  return `${p.lastName.toLocaleUpperCase("fr-FR")}${used} ${p.firstName}`;
}

export interface PersonListModel {
  chrome: PageChrome;
  q?: string | undefined;
  page: number;
  pageCount: number;
  total: number;
  rows: {
    id: string;
    lastName: string;
    firstName: string;
    usedName: string | null;
    birthDate: string | null;
    city: string | null;
    openMeasures: number;
  }[];
}

export function personListPage(m: PersonListModel): string {
  return renderPage({
    ...m.chrome,
    title: "Personnes suivies",
    breadcrumbs: [{ href: "/", label: "Accueil" }, { label: "Personnes suivies" }],
    children: (
      <>
        <PageHeader
          title="Personnes suivies"
          actions={<ButtonLink href="/personnes/nouvelle">Ajouter une personne</ButtonLink>}
        />
        <search>
          <form method="get" action="/personnes" class="inline-form">
            <TextField
              name="q"
              label="Rechercher par nom ou prénom"
              type="search"
              value={m.q}
              width="medium"
            />
            <Button variant="secondary">Rechercher</Button>
          </form>
        </search>
        <DataTable
          caption={`${plural(m.total, "personne")}${m.q ? ` pour « ${m.q} »` : ""}`}
          head={["Nom", "Date de naissance", "Commune", "Mesures en cours"]}
          numericColumns={[3]}
          empty="Aucune personne."
          rows={m.rows.map((p) => [
            <a href={`/personnes/${p.id}`}>{personName(p)}</a>,
            formatDate(p.birthDate),
            p.city ?? "",
            String(p.openMeasures),
          ])}
        />
        <Pagination
          page={m.page}
          pageCount={m.pageCount}
          hrefFor={(page) =>
            `/personnes?${new URLSearchParams({ ...(m.q ? { q: m.q } : {}), page: String(page) })}`
          }
        />
      </>
    ),
  });
}

export interface PersonPageModel {
  chrome: PageChrome;
  timeline: TimelineEvent[];
  person: PersonRow;
  measures: {
    id: string;
    number: string;
    typeLabel: string;
    status: MeasureStatus;
    receivedDate: string;
    reportDueDate: string;
    closedOn: string | null;
  }[];
}

function Timeline({ events }: { events: TimelineEvent[] }) {
  if (events.length === 0) return <p>Rien n'est encore daté dans ce dossier.</p>;
  return (
    <div class="timeline">
      {groupByMonth(events).map((group) => (
        <section key={group.month} aria-label={group.month}>
          <h3 class="timeline__month">{group.month}</h3>
          <ol class="timeline__list">
            {group.events.map((e, i) => (
              <li key={`${e.kind}-${e.date}-${i}`} class="timeline__item">
                <time dateTime={e.date}>{formatDate(e.date)}</time> <a href={e.href}>{e.text}</a>{" "}
                <span class="muted">– {e.measureLabel}</span>
              </li>
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}

export function personPage({ chrome, person, measures, timeline }: PersonPageModel): string {
  const name = personName(person);
  const address = [person.addressLine, [person.postalCode, person.city].filter(Boolean).join(" ")]
    .filter(Boolean)
    .join(", ");
  return renderPage({
    ...chrome,
    title: name,
    breadcrumbs: [
      { href: "/", label: "Accueil" },
      { href: "/personnes", label: "Personnes suivies" },
      { label: name },
    ],
    children: (
      <>
        <PageHeader
          caption="Personne suivie"
          title={name}
          actions={
            <>
              <ButtonLink href={`/personnes/${person.id}/mesures/nouvelle`}>Ajouter une mesure</ButtonLink>
              <ButtonLink variant="secondary" href={`/personnes/${person.id}/modifier`}>
                Modifier l'identité
              </ButtonLink>
            </>
          }
        />
        <h2>Identité et coordonnées</h2>
        <SummaryList
          rows={[
            { key: "Nom de naissance", value: person.lastName },
            { key: "Nom d'usage", value: person.usedName },
            { key: "Prénom", value: person.firstName },
            { key: "Date de naissance", value: person.birthDate ? formatDate(person.birthDate) : null },
            { key: "Lieu de naissance", value: person.birthPlace },
            { key: "Sexe", value: person.sex ? SEX_LABELS[person.sex] : null },
            { key: "Adresse", value: address },
            { key: "Téléphone", value: person.phone },
            { key: "E-mail", value: person.email },
            {
              key: "Rappels de rendez-vous",
              value: person.reminderConsent ? "Accepte les rappels" : "Pas de rappel",
            },
            {
              key: "Situation familiale",
              value: person.familySituation
                ? FAMILY_SITUATION_LABELS[person.familySituation as keyof typeof FAMILY_SITUATION_LABELS]
                : null,
            },
          ]}
        />
        <h2>Mesures</h2>
        <DataTable
          caption="Mesures de la personne"
          captionHidden
          head={["Numéro", "Mesure", "Statut", "Reçue le", "Échéance du rapport"]}
          empty="Aucune mesure pour cette personne."
          rows={measures.map((m) => [
            <a href={`/mesures/${m.id}`}>{m.number}</a>,
            m.typeLabel,
            <Tag tone={statusTone(m.status)}>{STATUS_LABELS[m.status]}</Tag>,
            formatDate(m.receivedDate),
            m.closedOn ? `Clôturée le ${formatDate(m.closedOn)}` : formatDate(m.reportDueDate),
          ])}
        />
        <h2>Chronologie</h2>
        <Timeline events={timeline} />
      </>
    ),
  });
}

export interface PersonFormModel {
  chrome: PageChrome;
  values: Record<string, string | string[] | undefined>;
  errors: FormErrors;
  personId?: string;
  personLabel?: string;
  /** Persons likely the same as the one entered: shown instead of creating it. */
  duplicates?: readonly PersonMatch[];
}

function PersonDuplicates({ matches }: { matches: readonly PersonMatch[] }) {
  const many = matches.length > 1;
  return (
    <DuplicateWarning
      title="Cette personne existe peut-être déjà"
      intro={`${many ? `${matches.length} personnes suivies par votre association ont` : "Une personne suivie par votre association a"} un nom proche et la même date de naissance (ou le même nom quand la date manque). Rien n'a été enregistré.`}
      formId="person-form"
      items={matches.map((m) => ({
        id: m.id,
        href: `/personnes/${m.id}`,
        name: personName(m),
        details: [
          m.birthDate ? `né·e le ${formatDate(m.birthDate)}` : "date de naissance inconnue",
          m.city,
          plural(m.openMeasures, "mesure en cours", "mesures en cours", { zero: "aucune mesure en cours" }),
        ]
          .filter(Boolean)
          .join(", "),
      }))}
    />
  );
}

export function personFormPage({
  chrome,
  values,
  errors,
  personId,
  personLabel,
  duplicates = [],
}: PersonFormModel): string {
  const editing = Boolean(personId);
  const title = editing ? "Modifier l'identité" : "Ajouter une personne";
  const v = (k: string) => (typeof values[k] === "string" ? (values[k] as string) : undefined);
  return renderPage({
    ...chrome,
    title: duplicates.length > 0 ? `Doublon possible : ${title}` : title,
    hasErrors: Object.keys(errors).length > 0,
    breadcrumbs: [
      { href: "/", label: "Accueil" },
      { href: "/personnes", label: "Personnes suivies" },
      ...(editing && personLabel ? [{ href: `/personnes/${personId}`, label: personLabel }] : []),
      { label: title },
    ],
    children: (
      <>
        <ErrorSummary errors={errors} />
        <PageHeader title={title} />
        {duplicates.length > 0 && <PersonDuplicates matches={duplicates} />}
        <form
          id="person-form"
          method="post"
          action={editing ? `/personnes/${personId}/modifier` : "/personnes/nouvelle"}
          novalidate
        >
          <CsrfField token={chrome.csrfToken} />
          <fieldset class="fieldset">
            <legend class="legend legend--large">Identité</legend>
            <TextField
              name="lastName"
              label="Nom de naissance"
              value={v("lastName")}
              error={errors.lastName}
              autocomplete="off"
              width="medium"
            />
            <TextField
              name="usedName"
              label="Nom d'usage (facultatif)"
              value={v("usedName")}
              error={errors.usedName}
              width="medium"
            />
            <TextField
              name="firstName"
              label="Prénom(s)"
              value={v("firstName")}
              error={errors.firstName}
              width="medium"
            />
            <DateField
              name="birthDate"
              label="Date de naissance (facultatif)"
              value={v("birthDate")}
              error={errors.birthDate}
            />
            <TextField
              name="birthPlace"
              label="Lieu de naissance (facultatif)"
              value={v("birthPlace")}
              error={errors.birthPlace}
              width="medium"
            />
            <SelectField
              name="sex"
              label="Sexe (facultatif)"
              emptyLabel="Non renseigné"
              options={Object.entries(SEX_LABELS).map(([value, label]) => ({ value, label }))}
              value={v("sex")}
              error={errors.sex}
            />
            <SelectField
              name="familySituation"
              label="Situation familiale (facultatif)"
              emptyLabel="Non renseignée"
              options={FAMILY_SITUATIONS.map((value) => ({ value, label: FAMILY_SITUATION_LABELS[value] }))}
              value={v("familySituation")}
              error={errors.familySituation}
            />
          </fieldset>
          <fieldset class="fieldset">
            <legend class="legend legend--large">Coordonnées</legend>
            <AddressFields
              values={{ addressLine: v("addressLine"), postalCode: v("postalCode"), city: v("city") }}
              errors={errors}
            />
            <TextField
              name="phone"
              label="Téléphone (facultatif)"
              type="tel"
              value={v("phone")}
              error={errors.phone}
              width="medium"
            />
            <TextField
              name="email"
              label="E-mail (facultatif)"
              type="email"
              value={v("email")}
              error={errors.email}
              width="long"
            />
            <Checkbox
              name="reminderConsent"
              label="La personne accepte de recevoir des rappels de rendez-vous"
              checked={values.reminderConsent !== undefined}
              error={errors.reminderConsent}
            />
          </fieldset>
          <FormActions>
            <Button>{editing ? "Enregistrer les modifications" : "Enregistrer la personne"}</Button>
            <a href={editing ? `/personnes/${personId}` : "/personnes"}>Annuler</a>
          </FormActions>
        </form>
      </>
    ),
  });
}
