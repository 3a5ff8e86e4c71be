import { MAGISTRATE_FUNCTIONS } from "../measures/form.ts";
import type { PageChrome } from "../platform/page.ts";
import { DataTable, Pagination, SummaryList, Tag } from "../platform/views/display.tsx";
import {
  Button,
  ButtonLink,
  Checkbox,
  CsrfField,
  ErrorSummary,
  FormActions,
  type FormErrors,
  SelectField,
  TextArea,
  TextField,
} from "../platform/views/forms.tsx";
import { renderPage } from "../platform/views/layout.tsx";
import { PageHeader } from "../platform/views/page-header.tsx";
import type { PartnerDetail, PartnerListRow } from "./queries.ts";
import { KIND_LABELS } from "./rules.ts";
import { PARTNER_KINDS, type PartnerKind } from "./tables.ts";

type Values = Record<string, string | string[] | undefined>;

const KIND_OPTIONS = PARTNER_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] }));

function kindText(p: { kind: PartnerKind; magistrateFunction: string | null; courtSeat: string | null }) {
  if (p.kind !== "magistrat") return KIND_LABELS[p.kind];
  const detail = [p.magistrateFunction, p.courtSeat].filter(Boolean).join(", ");
  return detail ? `${KIND_LABELS.magistrat} – ${detail}` : KIND_LABELS.magistrat;
}

/** A text typed on several lines, shown with its line breaks. */
function Lines({ text }: { text: string }) {
  const lines = text.split("\n");
  return (
    <>
      {lines.map((line, i) => (
        <>
          {i > 0 ? <br /> : null}
          {line}
        </>
      ))}
    </>
  );
}

/* ------------------------------------------------------------------ */
/* /partenaires                                                        */
/* ------------------------------------------------------------------ */

export interface PartnerListModel {
  chrome: PageChrome;
  kind?: PartnerKind | undefined;
  q?: string | undefined;
  page: number;
  pageCount: number;
  total: number;
  rows: PartnerListRow[];
}

export function partnerListPage(m: PartnerListModel): string {
  const filtered = Boolean(m.kind || m.q);
  const caption = [
    `${m.total} partenaire${m.total > 1 ? "s" : ""}`,
    m.kind ? ` de type « ${KIND_LABELS[m.kind]} »` : "",
    m.q ? ` pour « ${m.q} »` : "",
  ].join("");
  return renderPage({
    ...m.chrome,
    title: "Partenaires",
    wide: true,
    breadcrumbs: [{ href: "/", label: "Accueil" }, { label: "Partenaires" }],
    children: (
      <>
        <PageHeader
          title="Partenaires"
          caption="Annuaire de l'association"
          actions={<ButtonLink href="/partenaires/nouveau">Ajouter un partenaire</ButtonLink>}
        />
        <search>
          <form method="get" action="/partenaires" class="filters" aria-label="Filtrer les partenaires">
            <SelectField
              name="type"
              label="Type de partenaire"
              emptyLabel="Tous les types"
              options={KIND_OPTIONS}
              value={m.kind}
            />
            <TextField name="q" label="Nom ou contact" type="search" value={m.q} width="medium" />
            <Button variant="secondary">Filtrer</Button>
            {filtered ? <a href="/partenaires">Tout afficher</a> : null}
          </form>
        </search>
        <DataTable
          caption={caption}
          head={["Nom", "Type", "Contact", "Téléphone", "E-mail"]}
          empty={filtered ? "Aucun partenaire ne correspond à ces critères." : "L'annuaire est vide."}
          rows={m.rows.map((p) => [
            <>
              <a href={`/partenaires/${p.id}`}>{p.name}</a>
              {p.active ? null : (
                <>
                  {" "}
                  <Tag tone="grey">Inactif</Tag>
                </>
              )}
            </>,
            kindText(p),
            p.contactName ?? "",
            p.phone ? <a href={`tel:${p.phone.replace(/[^0-9+]/g, "")}`}>{p.phone}</a> : "",
            p.email ? <a href={`mailto:${p.email}`}>{p.email}</a> : "",
          ])}
        />
        <Pagination
          page={m.page}
          pageCount={m.pageCount}
          hrefFor={(page) =>
            `/partenaires?${new URLSearchParams({
              ...(m.kind ? { type: m.kind } : {}),
              ...(m.q ? { q: m.q } : {}),
              page: String(page),
            })}`
          }
        />
      </>
    ),
  });
}

/* ------------------------------------------------------------------ */
/* /partenaires/:id                                                    */
/* ------------------------------------------------------------------ */

export function partnerPage({ chrome, partner }: { chrome: PageChrome; partner: PartnerDetail }): string {
  const magistrate = partner.kind === "magistrat";
  return renderPage({
    ...chrome,
    title: partner.name,
    breadcrumbs: [
      { href: "/", label: "Accueil" },
      { href: "/partenaires", label: "Partenaires" },
      { label: partner.name },
    ],
    children: (
      <>
        <PageHeader
          caption={KIND_LABELS[partner.kind]}
          title={partner.name}
          actions={
            <ButtonLink variant="secondary" href={`/partenaires/${partner.id}/modifier`}>
              Modifier le partenaire
            </ButtonLink>
          }
        />
        {partner.active ? null : (
          <p>
            <Tag tone="grey">Inactif</Tag> Ce partenaire n'est plus proposé dans les listes de choix.
          </p>
        )}
        <SummaryList
          rows={[
            { key: "Type", value: KIND_LABELS[partner.kind] },
            ...(magistrate
              ? [
                  { key: "Fonction", value: partner.magistrateFunction },
                  { key: "Juridiction", value: partner.courtName },
                ]
              : []),
            { key: "Contact", value: partner.contactName },
            {
              key: "Téléphone",
              value: partner.phone ? (
                <a href={`tel:${partner.phone.replace(/[^0-9+]/g, "")}`}>{partner.phone}</a>
              ) : null,
            },
            {
              key: "E-mail",
              value: partner.email ? <a href={`mailto:${partner.email}`}>{partner.email}</a> : null,
            },
            { key: "Adresse", value: partner.address },
            {
              key: "Notes",
              value: partner.notes ? <Lines text={partner.notes} /> : null,
            },
          ]}
        />
        <p>
          <a href="/partenaires">Retour à l'annuaire</a>
        </p>
      </>
    ),
  });
}

/* ------------------------------------------------------------------ */
/* Form: new and edit                                                  */
/* ------------------------------------------------------------------ */

export interface PartnerFormModel {
  chrome: PageChrome;
  values: Values;
  errors: FormErrors;
  courts: { id: string; name: string }[];
  partner?: { id: string; name: string };
}

export function partnerFormPage({ chrome, values, errors, courts, partner }: PartnerFormModel): string {
  const v = (k: string) => (typeof values[k] === "string" ? (values[k] as string) : undefined);
  const title = partner ? `Modifier ${partner.name}` : "Ajouter un partenaire";
  const action = partner ? `/partenaires/${partner.id}/modifier` : "/partenaires/nouveau";
  return renderPage({
    ...chrome,
    title,
    hasErrors: Object.keys(errors).length > 0,
    breadcrumbs: [
      { href: "/", label: "Accueil" },
      { href: "/partenaires", label: "Partenaires" },
      ...(partner ? [{ href: `/partenaires/${partner.id}`, label: partner.name }] : []),
      { label: partner ? "Modifier" : "Ajouter un partenaire" },
    ],
    children: (
      <>
        <ErrorSummary errors={errors} />
        <PageHeader caption="Annuaire de l'association" title={title} />
        <form method="post" action={action} novalidate>
          <CsrfField token={chrome.csrfToken} />
          <fieldset class="fieldset">
            <legend class="legend legend--large">Partenaire</legend>
            <SelectField
              name="kind"
              label="Type de partenaire"
              emptyLabel="Choisir un type"
              options={KIND_OPTIONS}
              value={v("kind")}
              error={errors.kind}
            />
            <TextField
              name="name"
              label="Nom"
              hint="Le service ou la structure ; pour un magistrat, son nom ou son cabinet"
              value={v("name")}
              error={errors.name}
              width="long"
            />
          </fieldset>
          <fieldset class="fieldset">
            <legend class="legend legend--large">Magistrat</legend>
            <p class="hint">À renseigner seulement pour un magistrat.</p>
            <SelectField
              name="magistrateFunction"
              label="Fonction du magistrat"
              emptyLabel="Choisir une fonction"
              options={MAGISTRATE_FUNCTIONS.map((f) => ({ value: f, label: f }))}
              value={v("magistrateFunction")}
              error={errors.magistrateFunction}
            />
            <SelectField
              name="courtId"
              label="Juridiction"
              emptyLabel="Choisir une juridiction"
              options={courts.map((c) => ({ value: c.id, label: c.name }))}
              value={v("courtId")}
              error={errors.courtId}
            />
          </fieldset>
          <fieldset class="fieldset">
            <legend class="legend legend--large">Coordonnées</legend>
            <TextField
              name="contactName"
              label="Personne à contacter (facultatif)"
              value={v("contactName")}
              error={errors.contactName}
              width="long"
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
            <TextArea
              name="address"
              label="Adresse (facultatif)"
              rows={2}
              value={v("address")}
              error={errors.address}
            />
            <TextArea
              name="notes"
              label="Notes (facultatif)"
              hint="Horaires, modalités d'orientation, interlocuteurs… Aucune information sur les personnes suivies."
              rows={4}
              value={v("notes")}
              error={errors.notes}
            />
            <Checkbox
              name="active"
              label="Partenaire actif"
              hint="Un partenaire inactif n'est plus proposé dans les listes de choix"
              checked={values.active !== undefined}
            />
          </fieldset>
          <FormActions>
            <Button>{partner ? "Enregistrer les modifications" : "Enregistrer le partenaire"}</Button>
            <a href={partner ? `/partenaires/${partner.id}` : "/partenaires"}>Annuler</a>
          </FormActions>
        </form>
      </>
    ),
  });
}
