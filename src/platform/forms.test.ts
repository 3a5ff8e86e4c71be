import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { PersonForm } from "../persons/form.ts";
import { isValidIsoDate, normalizeForm, validateForm } from "./forms.ts";

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
