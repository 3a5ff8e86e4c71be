import assert from "node:assert/strict";
import { test } from "node:test";
import { refusedAccessTarget } from "../platform/access-audit.ts";
import { auditDetailText, auditFilter } from "./rules.ts";
import type { AuditAction } from "./tables.ts";

test("the detail of an access log row says the refused address or the number of results, nothing else", () => {
  const cases: [AuditAction, Record<string, unknown> | null, string][] = [
    [
      "acces_refuse",
      { path: "/mesures/…/obligations", method: "GET", status: 404 },
      "/mesures/…/obligations (consultation)",
    ],
    ["acces_refuse", { path: "/personnes/…", method: "POST", status: 403 }, "/personnes/… (envoi)"],
    ["acces_refuse", { path: "/api/v1/persons/…", method: "OPTIONS" }, "/api/v1/persons/…"],
    ["acces_refuse", null, ""],
    ["recherche", { results: 0, by: "name" }, "Aucun résultat"],
    ["recherche", { results: 1, by: "name" }, "1 résultat"],
    ["recherche", { results: 2, by: "birthDate" }, "2 résultats"],
    ["recherche", { results: "2" }, ""],
    ["recherche", { results: -1 }, ""],
    ["login_refused", { reason: "mot_de_passe", ip: "192.0.2.7" }, "mot de passe erroné, depuis 192.0.2.7"],
    [
      "login_refused",
      { reason: "compte_inconnu", ip: "192.0.2.7", emailHash: "ab12" },
      "aucun compte à cette adresse e-mail, depuis 192.0.2.7",
    ],
    ["login_refused", { reason: "adresse" }, "trop d'essais depuis cette adresse"],
    ["login_refused", { reason: "inconnue", ip: "" }, ""],
    ["login_refused", { reason: "constructor" }, ""],
    ["acces_refuse", { path: "/mesures/…", method: "toString" }, "/mesures/…"],
    ["view", { via: "api" }, ""],
    ["export", null, ""],
  ];
  for (const [action, detail, expected] of cases)
    assert.equal(auditDetailText(action, detail), expected, `${action} ${JSON.stringify(detail)}`);
});

test("the filter of the access log page falls back to the page's default for anything unknown", () => {
  const cases: [unknown, "tout" | "refus", string][] = [
    ["refus", "tout", "refus"],
    ["recherches", "refus", "recherches"],
    ["dossiers", "tout", "dossiers"],
    ["tout", "refus", "tout"],
    ["", "tout", "tout"],
    [undefined, "refus", "refus"],
    [["refus"], "tout", "tout"],
    ["toString", "tout", "tout"],
    ["__proto__", "refus", "refus"],
  ];
  for (const [value, fallback, expected] of cases)
    assert.equal(auditFilter(value, fallback), expected, String(value));
});

test("a refused request is logged with its route pattern, every id hidden, only for persons, measures and files", () => {
  const cases: [string | undefined, { entity: string; path: string } | null][] = [
    ["/mesures/:id/obligations", { entity: "measure", path: "/mesures/…/obligations" }],
    ["/mesures/:id/ecrits/:reportId.docx", { entity: "measure", path: "/mesures/…/ecrits/….docx" }],
    [
      "/mesures/:id/plan/actions/:actionId/modifier",
      { entity: "measure", path: "/mesures/…/plan/actions/…/modifier" },
    ],
    ["/personnes/:id", { entity: "person", path: "/personnes/…" }],
    ["/personnes", { entity: "person", path: "/personnes" }],
    ["/api/v1/persons/:id", { entity: "person", path: "/api/v1/persons/…" }],
    ["/api/v1/measures/:id", { entity: "measure", path: "/api/v1/measures/…" }],
    ["/fichiers/:id", { entity: "file", path: "/fichiers/…" }],
    ["/rendez-vous/:id.ics", { entity: "appointment", path: "/rendez-vous/….ics" }],
    ["/partenaires/:id", null],
    ["/cnc/suivi/:token", null],
    ["/admin/referentiels/mesures/:code", null],
    ["/referentiels/mesures", null],
    ["/audit", null],
    ["/api/v1/caseload", null],
    ["/", null],
    [undefined, null],
  ];
  for (const [pattern, expected] of cases)
    assert.deepEqual(refusedAccessTarget(pattern), expected, String(pattern));
});
