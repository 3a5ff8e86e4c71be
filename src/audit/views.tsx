import type { VNode } from "preact";
import type { Role } from "../accounts/tables.ts";
import { personName } from "../persons/views.tsx";
import { ROLE_LABELS } from "../platform/auth.ts";
import { plural } from "../platform/french.ts";
import { DataTable, formatDateTime, Pagination } from "../platform/views/display.tsx";
import { Button, SelectField } from "../platform/views/forms.tsx";
import type { AuditRow } from "./queries.ts";
import { ACTION_LABELS, AUDIT_FILTERS, type AuditFilter, auditDetailText, ENTITY_LABELS } from "./rules.ts";

export interface AuditTableProps {
  /** `/audit` or `/admin/audit`: where the filter form and the pages go. */
  path: string;
  filter: AuditFilter;
  rows: AuditRow[];
  total: number;
  page: number;
  pageCount: number;
  /** The administrator's page: the association and the role of each user, no person column. */
  allAssociations: boolean;
}

function userLabel(r: AuditRow): string {
  return r.userFirstName && r.userLastName ? `${r.userFirstName} ${r.userLastName}` : "Compte inconnu";
}

const COUNT_LABELS: Record<AuditFilter, [string, string]> = {
  tout: ["accès enregistré", "accès enregistrés"],
  refus: ["accès refusé", "accès refusés"],
  recherches: ["recherche", "recherches"],
  connexions: ["connexion refusée", "connexions refusées"],
  dossiers: ["consultation ou modification", "consultations ou modifications"],
};

/** The filter form, the table of rows and the pages of the access log. */
export function AuditTable(props: AuditTableProps): VNode {
  const { path, filter, rows, total, allAssociations } = props;
  const [one, many] = COUNT_LABELS[filter];
  const head = allAssociations
    ? ["Date et heure", "Utilisateur", "Association", "Action", "Objet", "Détail"]
    : ["Date et heure", "Utilisateur", "Action", "Objet", "Personne", "Détail"];
  return (
    <>
      <form method="get" action={path} class="filters" aria-label="Filtrer le journal">
        <SelectField
          name="voir"
          label="Afficher"
          options={Object.entries(AUDIT_FILTERS).map(([value, f]) => ({ value, label: f.label }))}
          value={filter}
        />
        <Button variant="secondary">Filtrer</Button>
      </form>
      <DataTable
        caption={`${plural(total, one, many)}, du plus récent au plus ancien`}
        head={head}
        empty="Aucun accès de ce type n'est enregistré."
        rows={rows.map((r) => {
          const detail = auditDetailText(r.action, r.detail);
          if (allAssociations)
            return [
              formatDateTime(r.at),
              r.userRole
                ? `${userLabel(r)} (${ROLE_LABELS[r.userRole as Role] ?? r.userRole})`
                : userLabel(r),
              r.associationName ?? (r.userRole ? "Fédération (sans association)" : "—"),
              ACTION_LABELS[r.action] ?? r.action,
              ENTITY_LABELS[r.entity] ?? r.entity,
              detail,
            ];
          return [
            formatDateTime(r.at),
            userLabel(r),
            ACTION_LABELS[r.action] ?? r.action,
            ENTITY_LABELS[r.entity] ?? r.entity,
            r.personId && r.person ? <a href={`/personnes/${r.personId}`}>{personName(r.person)}</a> : "",
            detail,
          ];
        })}
      />
      <Pagination
        page={props.page}
        pageCount={props.pageCount}
        hrefFor={(p) => `${path}?voir=${filter}&page=${p}`}
      />
    </>
  );
}
