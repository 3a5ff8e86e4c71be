/**
 * Reading the forms of a server-rendered page, as a browser would submit them: for the property
 * sweep (test/property-sweep.test.ts). Regular expressions suffice: the pages are our own TSX output.
 */

/** One control of a form: what the person types or picks, and the value the page puts in it. */
export interface Field {
  name: string;
  /** text, email, date, number, textarea, select, radio, checkbox, hidden, password… */
  kind: string;
  /** The value the page shows (typed, selected, checked), or "" when none. */
  value: string;
  /** The values offered (select options, radios, checkboxes). */
  options: string[];
}

/** A form of a page (a submit button with `formaction` makes its own entry). */
export interface PageForm {
  /** The page the form was found on. */
  page: string;
  action: string;
  multipart: boolean;
  fields: Field[];
  /** Name and value of the submit button used, when it has one. */
  button?: { name: string; value: string };
}

export function unescapeHtml(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, "&");
}

/** An attribute of a tag (attributes read in order, so text inside a quoted value never counts). */
function attribute(tag: string, name: string): string | undefined {
  for (const m of tag.matchAll(/\s([A-Za-z_:][-A-Za-z0-9_:.]*)(?:="([^"]*)")?/g)) {
    if (m[1] === name) return unescapeHtml(m[2] ?? "");
  }
  return undefined;
}

/** Every field of a form's inner HTML, grouped by name (radios and checkboxes of one name are one field). */
export function fieldsOf(html: string): Field[] {
  const byName = new Map<string, Field>();
  const add = (name: string, kind: string, value: string, option?: string) => {
    const field = byName.get(name) ?? { name, kind, value: "", options: [] };
    if (option !== undefined) field.options.push(option);
    if (value !== "") field.value = value;
    byName.set(name, field);
  };
  for (const [tag] of html.matchAll(/<input\b(?:[^>"]|"[^"]*")*>/g)) {
    const name = attribute(tag, "name");
    if (!name || name === "_csrf") continue;
    const kind = attribute(tag, "type") ?? "text";
    const value = attribute(tag, "value") ?? "";
    if (kind === "radio" || kind === "checkbox") {
      add(name, kind, attribute(tag, "checked") !== undefined ? value : "", value);
    } else if (kind !== "file" && kind !== "submit") {
      add(name, kind, value);
    }
  }
  for (const m of html.matchAll(/<textarea\b((?:[^>"]|"[^"]*")*)>([\s\S]*?)<\/textarea>/g)) {
    const name = attribute(`<t${m[1]}>`, "name");
    if (name) add(name, "textarea", unescapeHtml(m[2] ?? ""));
  }
  for (const m of html.matchAll(/<select\b((?:[^>"]|"[^"]*")*)>([\s\S]*?)<\/select>/g)) {
    const name = attribute(`<s${m[1]}>`, "name");
    if (!name) continue;
    add(name, "select", "");
    for (const [option] of (m[2] ?? "").matchAll(/<option\b(?:[^>"]|"[^"]*")*>/g)) {
      const value = attribute(option, "value") ?? "";
      add(name, "select", attribute(option, "selected") !== undefined ? value : "", value);
    }
  }
  return [...byName.values()];
}

/** The POST forms of a page, one entry per submit button that names itself or posts elsewhere. */
export function formsOf(page: string, html: string): PageForm[] {
  const out: PageForm[] = [];
  for (const m of html.matchAll(/<form\b((?:[^>"]|"[^"]*")*)>([\s\S]*?)<\/form>/g)) {
    const tag = `<form${m[1]}>`;
    if ((attribute(tag, "method") ?? "get").toLowerCase() !== "post") continue;
    const inner = m[2] ?? "";
    const action = attribute(tag, "action") ?? page;
    const multipart = (attribute(tag, "enctype") ?? "").includes("multipart");
    const fields = fieldsOf(inner);
    const buttons = [...inner.matchAll(/<button\b(?:[^>"]|"[^"]*")*>/g)].map(([b]) => ({
      name: attribute(b, "name"),
      value: attribute(b, "value") ?? "",
      formaction: attribute(b, "formaction"),
    }));
    const named = buttons.filter((b) => b.name || b.formaction);
    if (named.length === 0) out.push({ page, action, multipart, fields });
    for (const b of named) {
      out.push({
        page,
        action: b.formaction ?? action,
        multipart,
        fields,
        ...(b.name ? { button: { name: b.name, value: b.value } } : {}),
      });
    }
  }
  return out;
}

/** The values a page shows for each field name (inputs' value, textareas' text), to find typed values again. */
export function shownValues(html: string): Map<string, string[]> {
  const shown = new Map<string, string[]>();
  const add = (name: string, value: string) => shown.set(name, [...(shown.get(name) ?? []), value]);
  for (const [tag] of html.matchAll(/<input\b(?:[^>"]|"[^"]*")*>/g)) {
    const name = attribute(tag, "name");
    if (name) add(name, attribute(tag, "value") ?? "");
  }
  for (const m of html.matchAll(/<textarea\b((?:[^>"]|"[^"]*")*)>([\s\S]*?)<\/textarea>/g)) {
    const name = attribute(`<t${m[1]}>`, "name");
    if (name) add(name, unescapeHtml(m[2] ?? ""));
  }
  return shown;
}

/** The internal links of a page (no fragment). */
export function linksOf(html: string): string[] {
  return [...html.matchAll(/href="(\/[^"#]*)/g)].map((m) => unescapeHtml(m[1] ?? ""));
}

/** A route pattern (`/mesures/:id/plan`) as a regular expression over concrete paths. */
export function patternRegExp(url: string): RegExp {
  const source = url
    .split(/(:[A-Za-z]+)/)
    .map((part) => (part.startsWith(":") ? "([^/]+?)" : part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
    .join("");
  return new RegExp(`^${source}$`);
}

/** The pattern a concrete path belongs to: among those that match, the one with the fewest parameters. */
export function matchPattern(path: string, patterns: string[]): string | undefined {
  const matching = patterns.filter((p) => patternRegExp(p).test(path));
  const params = (p: string) => (p.match(/:[A-Za-z]+/g) ?? []).length;
  return matching.sort((a, b) => params(a) - params(b))[0];
}
