import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { renderToString } from "preact-render-to-string";
import {
  DataTable,
  DeadlineTag,
  deadlineLabel,
  formatDate,
  formatDateTime,
  Pagination,
  paginationItems,
  SummaryList,
} from "./display.tsx";
import {
  CheckboxGroup,
  ErrorSummary,
  type FormErrors,
  RadioGroup,
  SelectField,
  TextArea,
  TextField,
} from "./forms.tsx";
import { renderPage } from "./layout.tsx";
import { rawHtml } from "./raw.tsx";

const XSS = "<script>alert(1)</script>";

function text(html: string): string {
  return html
    .replace(/<[^>]+>/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

describe("escaping of user data", () => {
  const errors: FormErrors = { nom: XSS };
  const html = renderPage({
    title: XSS,
    user: { displayName: XSS, roleLabel: "Intervenant", associationName: XSS },
    nav: [{ href: "/mesures", label: XSS, current: true }],
    breadcrumbs: [{ href: "/", label: XSS }, { label: XSS }],
    csrfToken: "tok",
    flash: XSS,
    children: (
      <>
        <ErrorSummary errors={errors} />
        <TextField name="nom" label="Nom" value={XSS} error={errors.nom} />
        <TextArea name="notes" label="Notes" value={`</textarea>${XSS}`} />
        <DataTable caption="Mesures" head={["Nom", "Date"]} rows={[[XSS, XSS]]} />
        <SummaryList rows={[{ key: "Nom", value: XSS }]} />
      </>
    ),
  });

  test("script payloads are rendered as text, never as markup", () => {
    assert.ok(html.includes("&lt;script>"));
    assert.ok(!html.includes("<script>alert"));
    assert.ok(!html.includes("</textarea><script"));
  });

  test("each place shows the payload as text", () => {
    // title, user name, association, nav, 2 crumbs, flash, summary, error message,
    // value attribute, textarea, 2 table cells, summary list value
    const occurrences = html.split("&lt;script>alert(1)&lt;/script>").length - 1;
    assert.ok(occurrences >= 14, `only ${occurrences} escaped occurrences`);
  });

  test("rawHtml is the only way in and passes its input unchanged", () => {
    const svg = '<svg role="img" aria-label="Graphique"><rect width="1" height="1"/></svg>';
    assert.equal(renderToString(rawHtml(svg)), `<div>${svg}</div>`);
    assert.equal(renderToString(rawHtml(svg, { inline: true })), `<span>${svg}</span>`);
  });
});

describe("layout", () => {
  const base = { title: "Mesures", csrfToken: "abc" };

  test("document basics", () => {
    const html = renderPage(base);
    assert.ok(html.startsWith('<!doctype html><html lang="fr">'));
    assert.ok(html.includes("<title>Mesures – Parcours</title>"));
    assert.ok(html.includes('<a class="skip-link" href="#contenu">Aller au contenu</a>'));
    assert.ok(html.includes('<main id="contenu" tabindex="-1"'));
    assert.ok(html.includes('href="/protection-des-donnees"'));
    assert.ok(!html.includes("/deconnexion"), "no logout form without a user");
  });

  test('"Erreur : " prefixes the title when the form has errors', () => {
    assert.ok(
      renderPage({ ...base, hasErrors: true }).includes("<title>Erreur : Mesures – Parcours</title>"),
    );
  });

  test("the current navigation item carries aria-current, the others do not", () => {
    const html = renderPage({
      ...base,
      nav: [
        { href: "/mesures", label: "Mesures", current: true },
        { href: "/formations", label: "Formations" },
      ],
    });
    assert.match(html, /<nav class="site-nav" aria-label="Navigation principale">/);
    assert.match(html, /href="\/mesures" aria-current="page">Mesures</);
    assert.match(html, /href="\/formations">Formations</);
  });

  test("user block and logout form with the CSRF token", () => {
    const html = renderPage({
      ...base,
      user: { displayName: "Anne Martin", roleLabel: "Intervenante", associationName: "AVEJ 35" },
    });
    assert.ok(text(html).includes("Anne Martin Intervenante – AVEJ 35"));
    assert.match(html, /<form[^>]*method="post" action="\/deconnexion">/);
    assert.ok(html.includes('<input type="hidden" name="_csrf" value="abc"/>'));
    assert.ok(html.includes("Se déconnecter"));
  });

  test("breadcrumbs: links, and the last item without link is the current page", () => {
    const html = renderPage({
      ...base,
      breadcrumbs: [{ href: "/", label: "Accueil" }, { label: "Mesures" }],
    });
    assert.match(
      html,
      /<nav class="breadcrumbs" aria-label="Fil d'Ariane"><ol><li><a href="\/">Accueil<\/a><\/li><li aria-current="page">Mesures<\/li><\/ol>/,
    );
  });

  test("flash message is a status", () => {
    assert.ok(
      renderPage({ ...base, flash: "Enregistré." }).includes(
        '<div class="flash" role="status">Enregistré.</div>',
      ),
    );
    assert.ok(!renderPage(base).includes('role="status"'));
  });

  test("script tag carries the CSP nonce", () => {
    assert.match(
      renderPage({ ...base, nonce: "n0nce" }),
      /<script src="\/static\/js\/enhance\.[0-9a-f]{10}\.js" defer nonce="n0nce">/,
    );
  });
});

describe("forms", () => {
  test("error summary links to each field in error, nothing when no error", () => {
    const html = renderToString(
      <ErrorSummary errors={{ nom: "Saisissez le nom", date: undefined, "mesure.type": "Choisissez" }} />,
    );
    assert.match(html, /role="alert" tabindex="-1"/);
    assert.ok(html.includes('<a href="#f-nom">Saisissez le nom</a>'));
    assert.ok(html.includes('<a href="#f-mesure-type">Choisissez</a>'));
    assert.ok(!html.includes("#f-date"));
    assert.equal(renderToString(<ErrorSummary errors={{}} />), "");
    assert.equal(renderToString(<ErrorSummary errors={{ nom: undefined }} />), "");
  });

  test("a field in error is invalid and described by its hint and its error", () => {
    const html = renderToString(
      <TextField name="nom" label="Nom" hint="Tel qu'à l'état civil" error="Saisissez le nom" />,
    );
    assert.match(html, /<label class="label" for="f-nom">Nom<\/label>/);
    assert.match(html, /id="f-nom"[^>]* aria-invalid="true" aria-describedby="f-nom-hint f-nom-error"/);
    assert.ok(
      html.includes(
        '<p class="field-error" id="f-nom-error"><span class="visually-hidden">Erreur : </span>Saisissez le nom</p>',
      ),
    );
    assert.ok(html.indexOf('id="f-nom-error"') < html.indexOf("<input"), "the message is above the input");
  });

  test("a valid field is neither invalid nor described by an error", () => {
    const html = renderToString(<TextField name="nom" label="Nom" value="Dupont" />);
    assert.ok(!html.includes("aria-invalid"));
    assert.ok(!html.includes("aria-describedby"));
    assert.ok(html.includes('value="Dupont"'));
  });

  test("select keeps the chosen option", () => {
    const html = renderToString(
      <SelectField
        name="type"
        label="Type"
        emptyLabel="Choisir"
        value="b"
        options={[
          { value: "a", label: "A" },
          { value: "b", label: "B" },
        ]}
      />,
    );
    // `<option value>` is the empty value in HTML
    assert.ok(html.includes("<option value>Choisir</option>"));
    assert.ok(html.includes('<option value="b" selected>B</option>'));
    assert.ok(html.includes('<option value="a">A</option>'));
  });

  test("radio group: fieldset with legend, first radio carries the field id, error described", () => {
    const html = renderToString(
      <RadioGroup
        name="sexe"
        legend="Sexe"
        value="f"
        error="Choisissez"
        options={[
          { value: "f", label: "Femme" },
          { value: "h", label: "Homme" },
        ]}
      />,
    );
    assert.match(
      html,
      /<fieldset class="fieldset" aria-describedby="f-sexe-error"><legend class="legend">Sexe<\/legend>/,
    );
    assert.match(html, /type="radio" id="f-sexe" name="sexe" value="f" checked/);
    assert.match(html, /type="radio" id="f-sexe-2" name="sexe" value="h"\/>/);
  });

  test("checkbox group checks the given values", () => {
    const html = renderToString(
      <CheckboxGroup
        name="jours"
        legend="Jours"
        values={["lun", "mer"]}
        options={[
          { value: "lun", label: "Lundi" },
          { value: "mar", label: "Mardi" },
          { value: "mer", label: "Mercredi" },
        ]}
      />,
    );
    assert.equal(html.split(" checked").length - 1, 2);
    assert.match(html, /value="mar"\/>/);
  });
});

describe("display", () => {
  test("table: caption, column headers, row headers, focusable labelled scroll region", () => {
    const html = renderToString(
      <DataTable
        caption="Mesures en cours"
        head={["Personne", "Montant"]}
        rows={[["Dupont", "12"]]}
        numericColumns={[1]}
      />,
    );
    // a <section> with a name is a region landmark
    assert.match(html, /<section class="table-wrap" tabindex="0" aria-label="Mesures en cours">/);
    assert.ok(html.includes('<caption class="table__caption">Mesures en cours</caption>'));
    assert.ok(html.includes('<th scope="col">Personne</th><th scope="col" class="num">Montant</th>'));
    assert.ok(html.includes('<tr><th scope="row">Dupont</th><td class="num">12</td></tr>'));
  });

  test("empty table shows its message across all columns", () => {
    const html = renderToString(
      <DataTable caption="Mesures" head={["A", "B", "C"]} rows={[]} empty="Aucune mesure." />,
    );
    assert.ok(html.includes('<td class="table__empty" colspan="3">Aucune mesure.</td>'));
  });

  test("summary list shows 'Non renseigné' for an empty value", () => {
    assert.ok(
      text(renderToString(<SummaryList rows={[{ key: "Téléphone", value: null }]} />)).includes(
        "Non renseigné",
      ),
    );
  });

  test("summary list agrees 'Non renseignée' with a feminine key", () => {
    const html = renderToString(
      <SummaryList
        rows={[
          { key: "Situation familiale", value: null },
          { key: "Nom d'usage", value: "" },
        ]}
      />,
    );
    assert.match(text(html), /Situation familiale\s*Non renseignée\s*Nom d'usage\s*Non renseigné\s*$/);
  });

  const deadlineCases: [number | null, string, string | null][] = [
    [-3, "En retard de 3 j", "red"],
    [-1, "En retard de 1 j", "red"],
    [0, "Aujourd'hui", "orange"],
    [1, "J-1", "orange"],
    [5, "J-5", "orange"],
    [7, "J-7", "orange"],
    [8, "Dans 8 j", "grey"],
    [30, "Dans 30 j", "grey"],
    [null, "—", null],
  ];
  for (const [days, expected, tone] of deadlineCases) {
    test(`deadline tag for ${days}: ${expected}`, () => {
      assert.deepEqual(deadlineLabel(days), { text: expected, tone });
      const html = renderToString(<DeadlineTag daysRemaining={days} />);
      assert.ok(html.includes(expected));
      if (tone) assert.ok(html.includes(`tag--${tone}`));
    });
  }

  test("pagination: previous/next, current page, gaps", () => {
    assert.deepEqual(paginationItems(1, 1), [1]);
    assert.deepEqual(paginationItems(1, 3), [1, 2, 3]);
    assert.deepEqual(paginationItems(5, 10), [1, null, 4, 5, 6, null, 10]);
    assert.deepEqual(paginationItems(3, 10), [1, 2, 3, 4, null, 10]);
    const html = renderToString(<Pagination page={2} pageCount={3} hrefFor={(p) => `/mesures?page=${p}`} />);
    assert.ok(html.includes('aria-label="Pagination"'));
    assert.match(html, /href="\/mesures\?page=1" rel="prev">Précédent/);
    assert.match(html, /href="\/mesures\?page=3" rel="next">Suivant/);
    assert.match(html, /href="\/mesures\?page=2" aria-current="page"/);
    assert.ok(!renderToString(<Pagination page={1} pageCount={3} hrefFor={String} />).includes("Précédent"));
    assert.equal(renderToString(<Pagination page={1} pageCount={1} hrefFor={String} />), "");
  });
});

describe("date formatting", () => {
  const dateCases: [string | null | undefined, string][] = [
    ["2026-11-24", "24/11/2026"],
    ["2024-02-29", "29/02/2024"],
    ["2026-11-24T13:30:00Z", "24/11/2026"],
    ["2026-11-24T23:30:00Z", "25/11/2026"], // 00:30 in Paris (winter, UTC+1)
    ["2026-07-01T22:30:00Z", "02/07/2026"], // 00:30 in Paris (summer, UTC+2)
    ["2026-07-01T21:30:00Z", "01/07/2026"],
    [null, ""],
    [undefined, ""],
    ["", ""],
    ["pas une date", "pas une date"],
  ];
  for (const [input, expected] of dateCases) {
    test(`formatDate(${input}) = "${expected}"`, () => assert.equal(formatDate(input), expected));
  }

  const dateTimeCases: [string | Date | null, string][] = [
    ["2026-11-24T13:30:00Z", "24/11/2026 à 14:30"],
    ["2026-07-01T12:05:00.000Z", "01/07/2026 à 14:05"],
    ["2026-03-29T00:59:00Z", "29/03/2026 à 01:59"], // just before the spring change
    ["2026-03-29T01:00:00Z", "29/03/2026 à 03:00"], // just after
    [new Date("2026-01-01T00:00:00Z"), "01/01/2026 à 01:00"],
    ["2026-11-24", "24/11/2026"],
    [null, ""],
  ];
  for (const [input, expected] of dateTimeCases) {
    test(`formatDateTime(${String(input)}) = "${expected}"`, () =>
      assert.equal(formatDateTime(input), expected));
  }
});
