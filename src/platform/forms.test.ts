import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { Type } from "typebox";
import { PersonForm } from "../persons/form.ts";
import {
  CONTROL_CHARACTER_MESSAGE,
  DateInput,
  hasControlCharacters,
  IdInput,
  isValidIsoDate,
  normalizeForm,
  parseDate,
  resolveDateBound,
  validateForm,
} from "./forms.ts";
import { dateParts } from "./views/forms.tsx";

describe("form normalisation", () => {
  test("trims, drops empty values, turns CRLF into LF and French dates into ISO dates", () => {
    assert.deepEqual(normalizeForm({ a: "  x ", b: "", c: "l1\r\nl2", d: "7/3/1990", e: ["", " y "] }), {
      a: "x",
      c: "l1\nl2",
      d: "1990-03-07",
      e: ["y"],
    });
  });

  test("reads multipart text fields and ignores file fields", () => {
    assert.deepEqual(normalizeForm({ a: { value: " z " }, f: { type: "file", filename: "x.pdf" } }), {
      a: "z",
    });
  });
});

describe("control characters", () => {
  const cases: [string, string, boolean][] = [
    ["NUL", "Du\u0000pont", true],
    ["bell", "a\u0007b", true],
    ["vertical tab", "a\u000Bb", true],
    ["escape", "a\u001B[31mb", true],
    ["DEL", "a\u007Fb", true],
    ["C1 next line", "a\u0085b", true],
    ["C1 CSI", "a\u009Bb", true],
    ["tab", "a\tb", false],
    ["newline", "a\nb", false],
    ["CRLF (becomes a newline)", "a\r\nb", false],
    ["no-break space", "a\u00A0b", false],
    ["accents and emoji", "Éloïse 🙂", false],
  ];
  for (const [why, value, refused] of cases) {
    test(`${why}: ${refused ? "refused at the field" : "accepted"}`, () => {
      const values = normalizeForm({ lastName: value, firstName: "Ana" });
      const result = validateForm(Type.Object({ lastName: Type.String(), firstName: Type.String() }), values);
      assert.equal(result.errors.lastName, refused ? CONTROL_CHARACTER_MESSAGE : undefined);
      assert.equal(result.ok, !refused);
      // What is shown again in the form holds no control character.
      assert.equal(hasControlCharacters(String(values.lastName)), false);
    });
  }

  test("in a list, in a multipart field and in a date part, the field is named", () => {
    const values = normalizeForm({
      tags: ["ok", "n\u0000o"],
      note: { value: "x\u0000" },
      "birthDate-jour": "1\u00002",
      "birthDate-mois": "3",
      "birthDate-annee": "1990",
    });
    const result = validateForm(Type.Object({}), values);
    assert.deepEqual(Object.keys(result.errors).sort(), ["birthDate", "note", "tags"]);
    assert.deepEqual(values.tags, ["ok", "no"]);
  });
});

describe("the date parser", () => {
  const today = "2026-03-01";
  const birth = { label: "La date de naissance", min: "1900-01-01", max: "today" };
  const cases: [string, string, Parameters<typeof parseDate>[1], string][] = [
    ["29/02 in a leap year", "29/02/1992", birth, "1992-02-29"],
    ["29/02 in a common year", "29/02/1990", birth, "La date de naissance doit être une vraie date"],
    ["29/02/2000 (divisible by 400)", "29/02/2000", birth, "2000-02-29"],
    ["29/02/1900 (century, not leap)", "29/02/1900", birth, "La date de naissance doit être une vraie date"],
    ["31/04", "31/04/1990", birth, "La date de naissance doit être une vraie date"],
    ["30/04", "30/4/1990", birth, "1990-04-30"],
    ["day 00", "00/01/1990", birth, "La date de naissance doit être une vraie date"],
    ["month 00", "01/00/1990", birth, "La date de naissance doit être une vraie date"],
    ["month 13", "01/13/1990", birth, "La date de naissance doit être une vraie date"],
    ["2-digit year", "27/03/90", birth, "L'année doit comporter 4 chiffres"],
    ["3-digit year", "27/03/990", birth, "L'année doit comporter 4 chiffres"],
    ["5-digit year", "27/03/19900", birth, "L'année doit comporter 4 chiffres"],
    ["missing month", "27//1990", birth, "La date de naissance doit comporter un jour, un mois et une année"],
    [
      "only day and month",
      "27/03",
      birth,
      "La date de naissance doit comporter un jour, un mois et une année",
    ],
    ["letters", "27/mars/1990", birth, "La date de naissance doit être une vraie date"],
    ["words", "hier", birth, "La date de naissance doit comporter un jour, un mois et une année"],
    ["ISO", "1990-03-27", birth, "1990-03-27"],
    ["impossible ISO", "1990-02-30", birth, "La date de naissance doit être une vraie date"],
    ["year 0000", "0000-01-01", birth, "La date de naissance doit être une vraie date"],
    ["year 0000 typed", "01/01/0000", {}, "La date doit être une vraie date"],
    ["dots", "27.03.1990", birth, "1990-03-27"],
    ["spaces", "27 3 1990", birth, "1990-03-27"],
    ["before 1900", "31/12/1899", birth, "La date de naissance ne peut pas être antérieure au 01/01/1900"],
    ["tomorrow", "02/03/2026", birth, "La date de naissance ne peut pas être dans le futur"],
    ["today", "01/03/2026", birth, "2026-03-01"],
    ["default range: 1950", "01/01/1949", {}, "La date ne peut pas être antérieure au 01/01/1950"],
    [
      "default range: ten years ahead",
      "02/03/2036",
      {},
      "La date ne peut pas être postérieure au 01/03/2036",
    ],
    ["own message", "01/01/1950", { min: "1958-10-04", minMessage: "Trop ancienne" }, "Trop ancienne"],
  ];
  for (const [why, typed, rules, expected] of cases) {
    test(`${why}: ${typed}`, () => {
      const parsed = parseDate(typed, rules, today);
      assert.equal(parsed.ok ? parsed.iso : parsed.message, expected);
    });
  }

  test("bounds relative to today", () => {
    assert.equal(resolveDateBound("today", "2026-03-01"), "2026-03-01");
    assert.equal(resolveDateBound("+10y", "2026-03-01"), "2036-03-01");
    assert.equal(resolveDateBound("-16y", "2028-02-29"), "2012-02-29");
    assert.equal(resolveDateBound("+1y", "2028-02-29"), "2029-02-28");
    assert.equal(resolveDateBound("1958-10-04", "2026-03-01"), "1958-10-04");
  });

  test("the three parts of a date field become one value, typed parts kept when not a date", () => {
    const form = Type.Object({ birthDate: DateInput({ label: "La date de naissance", max: "today" }) });
    const good = normalizeForm({ "birthDate-jour": " 29", "birthDate-mois": "2", "birthDate-annee": "1992" });
    assert.equal(good.birthDate, "1992-02-29");
    assert.equal(validateForm(form, good, today).ok, true);
    const bad = normalizeForm({ "birthDate-jour": "29", "birthDate-mois": "2", "birthDate-annee": "90" });
    assert.equal(bad.birthDate, "29/2/90");
    assert.equal(validateForm(form, bad, today).errors.birthDate, "L'année doit comporter 4 chiffres");
    const empty = normalizeForm({ "birthDate-jour": "", "birthDate-mois": "", "birthDate-annee": "" });
    assert.equal(empty.birthDate, undefined);
    assert.equal(validateForm(form, empty, today).errors.birthDate, "Ce champ est obligatoire");
    const partial = normalizeForm({ "birthDate-jour": "", "birthDate-mois": "3", "birthDate-annee": "1990" });
    assert.equal(
      validateForm(form, partial, today).errors.birthDate,
      "La date de naissance doit comporter un jour, un mois et une année",
    );
  });

  test("parts that hold a slash come back each in its own input, and are not a date", () => {
    const form = Type.Object({ birthDate: DateInput({ label: "La date de naissance", max: "today" }) });
    const cases: [Record<string, string>, { jour: string; mois: string; annee: string }][] = [
      [
        { jour: "1/1/1", mois: "2", annee: "1990" },
        { jour: "1/1/1", mois: "2", annee: "1990" },
      ],
      [
        { jour: "30/02/2024", mois: "", annee: "" },
        { jour: "30/02/2024", mois: "", annee: "" },
      ],
      [
        { jour: "3", mois: "/", annee: "2020" },
        { jour: "3", mois: "/", annee: "2020" },
      ],
    ];
    for (const [typed, shown] of cases) {
      const values = normalizeForm({
        "birthDate-jour": typed.jour,
        "birthDate-mois": typed.mois,
        "birthDate-annee": typed.annee,
      });
      assert.deepEqual(dateParts(String(values.birthDate)), shown);
      assert.equal(validateForm(form, values, today).ok, false);
    }
  });
});

describe("identifiers chosen in lists", () => {
  const form = Type.Object({ serviceId: IdInput({ errorMessage: "Choisissez un service dans la liste" }) });
  for (const [value, ok] of [
    ["4f1c2b7e-8a9d-4c3b-9e2f-1a2b3c4d5e6f", true],
    ["4F1C2B7E-8A9D-4C3B-9E2F-1A2B3C4D5E6F", true],
    ["1", false],
    ["4f1c2b7e-8a9d-4c3b-9e2f-1a2b3c4d5e6", false],
    ["' or 1=1 --", false],
  ] as const) {
    test(`${value}: ${ok ? "accepted" : "refused with a French message"}`, () => {
      const result = validateForm(form, normalizeForm({ serviceId: value }));
      assert.equal(result.errors.serviceId, ok ? undefined : "Choisissez un service dans la liste");
    });
  }
});

describe("form validation with French messages", () => {
  test("a missing required field gets its required message, a wrong value its error message", () => {
    const result = validateForm(PersonForm, normalizeForm({ firstName: "Ana", postalCode: "123" }));
    assert.equal(result.ok, false);
    assert.equal(result.errors.lastName, "Saisissez le nom de naissance");
    assert.match(result.errors.postalCode ?? "", /5 chiffres/);
  });

  test("impossible calendar dates are refused, real ones accepted", () => {
    for (const [value, ok] of [
      ["2026-02-29", false],
      ["2028-02-29", true],
      ["2026-13-01", false],
      ["2026-04-31", false],
      ["2026-04-30", true],
    ] as const) {
      assert.equal(isValidIsoDate(value), ok, value);
    }
    assert.equal(
      validateForm(PersonForm, { lastName: "A", firstName: "B", birthDate: "2026-02-30" }).errors
        .birthDate !== undefined,
      true,
    );
  });

  test("names with accents, apostrophes, spaces and hyphens are accepted; digits are not", () => {
    for (const name of ["N'Diaye", "Le Goff-Éluard", "Zoë", "Nguyễn", "O’Brien"]) {
      assert.equal(validateForm(PersonForm, { lastName: name, firstName: "Ana" }).ok, true, name);
    }
    assert.equal(validateForm(PersonForm, { lastName: "R2D2", firstName: "Ana" }).ok, false);
  });
});

describe("what the request log keeps of a URL", () => {
  test("no query string and no private token", async () => {
    const { loggedPath } = await import("./app.ts");
    assert.equal(loggedPath("/recherche?q=Lef%C3%A8vre"), "/recherche");
    assert.equal(loggedPath("/cnc/suivi/abcdef123456/piece"), "/cnc/suivi/…/piece");
    assert.equal(loggedPath("/mesures/1234"), "/mesures/1234");
  });
});
