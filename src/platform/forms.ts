import { type Static, type TObject, type TSchema, Type } from "typebox";
import { Value } from "typebox/value";

/** Errors of a form, one French message per field name. */
export type FormErrors = Partial<Record<string, string>>;
export type FormValues = Record<string, string | string[] | undefined>;

/** Options every form field may carry: the messages shown to the person next to the field. */
export type FieldMessages = {
  /** Shown when the field is empty although required. */
  requiredMessage?: string;
  /** Shown when the value does not fit the field (format, length, choice). */
  errorMessage?: string;
};

const FRENCH_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
/** Control characters (C0 except tab and newline, DEL, C1): refused in every field, never stored. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
export const CONTROL_CHARACTER_MESSAGE =
  "Ce champ contient un caractère non autorisé (caractère de contrôle invisible) : retirez-le";
const DATE_PART = /^(.+)-(jour|mois|annee)$/;
/**
 * Joins the three parts of a date field when one of them holds a "/" (typed "1/1/1" as the day): a
 * control character, which no part can hold (they are removed from what is shown again).
 */
export const DATE_PART_SEPARATOR = "\u001f";

/** Errors found while normalising (control characters), reported by validateForm at their field. */
const normalisationErrors = new WeakMap<FormValues, FormErrors>();

/** The errors normalizeForm found in these values (for routes that check fields by hand). */
export function inputErrors(values: FormValues): FormErrors {
  return { ...(normalisationErrors.get(values) ?? {}) };
}

/** Whether a text holds a control character other than tab and newline. */
export function hasControlCharacters(text: string): boolean {
  CONTROL_CHARACTERS.lastIndex = 0;
  return CONTROL_CHARACTERS.test(text);
}

/**
 * Trims, turns empty strings into absent values, CRLF into LF, 27/03/1990 into 1990-03-27, and the
 * three parts of a date field (`<name>-jour`, `<name>-mois`, `<name>-annee`) into `<name>`. A value
 * holding control characters is kept without them (for the form shown again) and its field gets
 * an error that validateForm reports: it never reaches the database as typed.
 */
export function normalizeForm(body: unknown): FormValues {
  const out: FormValues = {};
  const errors: FormErrors = {};
  normalisationErrors.set(out, errors);
  if (!body || typeof body !== "object") return out;
  const dateParts = new Map<string, Record<string, string>>();
  for (const [key, raw] of Object.entries(body as Record<string, unknown>)) {
    const part = DATE_PART.exec(key);
    const field = part?.[1] ?? key;
    const clean = (value: string | undefined) => {
      if (value === undefined || !hasControlCharacters(value)) return value;
      errors[field] ??= CONTROL_CHARACTER_MESSAGE;
      return value.replace(CONTROL_CHARACTERS, "").trim() || undefined;
    };
    if (part?.[1] && part[2] && !Array.isArray(raw)) {
      const parts = dateParts.get(part[1]) ?? {};
      parts[part[2]] = clean(textOf(raw)?.replace(/\s/g, "")) ?? "";
      dateParts.set(part[1], parts);
    } else if (Array.isArray(raw)) {
      const items = raw.map((v) => clean(normalizeValue(v))).filter((v): v is string => v !== undefined);
      if (items.length > 0) out[key] = items;
    } else {
      const value = clean(normalizeValue(raw));
      if (value !== undefined) out[key] = value;
    }
  }
  for (const [name, { jour = "", mois = "", annee = "" }] of dateParts) {
    if (jour === "" && mois === "" && annee === "") continue;
    // A real date becomes ISO; anything else stays as typed, for validateForm's message and the form.
    // Parts that hold a "/" themselves are joined by DATE_PART_SEPARATOR, so that each comes back as typed.
    const typed = [jour, mois, annee].join(
      [jour, mois, annee].some((p) => p.includes("/")) ? DATE_PART_SEPARATOR : "/",
    );
    const iso = normalizeValue(typed);
    out[name] = iso && isValidIsoDate(iso) ? iso : typed;
  }
  return out;
}

function textOf(raw: unknown): string | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw === "object") {
    // A multipart field: its text is in `value`; a file field is read with readUpload, not here.
    if ((raw as { type?: unknown }).type === "file") return undefined;
    if ("value" in raw) return textOf((raw as { value: unknown }).value);
    return undefined;
  }
  return String(raw);
}

function normalizeValue(raw: unknown): string | undefined {
  const text = textOf(raw)?.replace(/\r\n?/g, "\n").trim();
  if (text === undefined || text === "") return undefined;
  const fr = FRENCH_DATE.exec(text);
  if (fr) return `${fr[3]}-${fr[2]?.padStart(2, "0")}-${fr[1]?.padStart(2, "0")}`;
  return text;
}

export function isValidIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value && value >= "0001-01-01";
}

/** A bound of a date field: an ISO date, "today", or today plus or minus years ("+10y", "-16y"). */
export type DateBound = string;

/** How a date field reads and checks what was typed. */
export interface DateRules {
  /** The field named in messages, with its article: "La date de naissance". */
  label?: string;
  /** Earliest accepted date (default 1950-01-01). */
  min?: DateBound;
  /** Latest accepted date (default today plus 10 years). */
  max?: DateBound;
  /** Replaces the message of a date before `min`. */
  minMessage?: string;
  /** Replaces the message of a date after `max`. */
  maxMessage?: string;
}

export const DEFAULT_DATE_MIN = "1950-01-01";
export const DEFAULT_DATE_MAX = "+10y";
/** The code of criminal procedure (ordonnance of 23 December 1958) came into force on 2 March 1959; its
 * first articles date from the Constitution of 4 October 1958: no judicial decision this tool follows is older. */
export const JUDICIAL_DATE_MIN = "1958-10-04";

export function resolveDateBound(bound: DateBound, today: string): string {
  if (bound === "today") return today;
  const relative = /^([+-]\d+)y$/.exec(bound);
  if (!relative) return bound;
  const year = Number(today.slice(0, 4)) + Number(relative[1]);
  const iso = `${String(year).padStart(4, "0")}${today.slice(4)}`;
  // 29 February plus some years: the 28th.
  return isValidIsoDate(iso) ? iso : `${iso.slice(0, 8)}28`;
}

const frenchDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

export type DateParse = { ok: true; iso: string } | { ok: false; message: string };

/**
 * Reads a date as typed: ISO `2026-03-27`, `27/03/2026` (also with dots, dashes or spaces), or the
 * three parts of a date field joined by normalizeForm (`27/3/2026`, `27//2026` when incomplete).
 * Refuses impossible dates, incomplete ones, years not of 4 digits, and dates outside the field's range.
 */
export function parseDate(typed: string, rules: DateRules, today: string): DateParse {
  const label = rules.label ?? "La date";
  const notReal = { ok: false as const, message: `${label} doit être une vraie date` };
  const text = typed.trim();
  let day: string;
  let month: string;
  let year: string;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (iso) {
    [year, month, day] = [iso[1] ?? "", iso[2] ?? "", iso[3] ?? ""];
  } else {
    const parts = (
      text.includes(DATE_PART_SEPARATOR)
        ? text.split(DATE_PART_SEPARATOR)
        : text.includes("/")
          ? text.split("/")
          : text.split(/[.\s-]+/)
    ).map((p) => p.trim());
    if (parts.length > 3) return notReal;
    if (parts.length < 3 || parts.some((p) => p === ""))
      return { ok: false, message: `${label} doit comporter un jour, un mois et une année` };
    [day, month, year] = parts as [string, string, string];
    if (!parts.every((p) => /^\d+$/.test(p))) return notReal;
    if (year.length !== 4) return { ok: false, message: "L'année doit comporter 4 chiffres" };
    if (day.length > 2 || month.length > 2) return notReal;
  }
  const value = `${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`;
  if (!isValidIsoDate(value)) return notReal;
  const min = resolveDateBound(rules.min ?? DEFAULT_DATE_MIN, today);
  const max = resolveDateBound(rules.max ?? DEFAULT_DATE_MAX, today);
  if (value < min)
    return {
      ok: false,
      message: rules.minMessage ?? `${label} ne peut pas être antérieure au ${frenchDate(min)}`,
    };
  if (value > max) {
    const message =
      rules.maxMessage ??
      (rules.max === "today"
        ? `${label} ne peut pas être dans le futur`
        : `${label} ne peut pas être postérieure au ${frenchDate(max)}`);
    return { ok: false, message };
  }
  return { ok: true, iso: value };
}

/** Today in Paris, `YYYY-MM-DD` (the calendar of every date field). */
function parisToday(): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone: "Europe/Paris",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(new Date());
}

const UUID_PATTERN = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";
const UUID = new RegExp(UUID_PATTERN);

/** Whether a value is a record identifier (a UUID), checked before it reaches SQL. */
export function isUuid(value: unknown): value is string {
  return typeof value === "string" && UUID.test(value);
}

/** A record chosen in a list (its UUID): anything else is a French error at the field, never SQL. */
export function IdInput(messages: FieldMessages = {}) {
  return Type.String({
    pattern: UUID_PATTERN,
    errorMessage: "Choisissez une valeur dans la liste",
    ...messages,
  });
}

/** A required text field. */
export function TextInput(
  messages: FieldMessages & { maxLength?: number; minLength?: number; pattern?: string } = {},
) {
  return Type.String({ minLength: 1, maxLength: 500, ...messages });
}

/**
 * A calendar date field: typed as three parts (DateField), `jj/mm/aaaa` or ISO `aaaa-mm-jj`; read and
 * checked by validateForm (real date, 4-digit year, range), which puts the ISO date back in the values.
 */
export function DateInput(options: FieldMessages & DateRules = {}) {
  const { label, min, max, minMessage, maxMessage, ...messages } = options;
  const rules = Object.fromEntries(
    Object.entries({ label, min, max, minMessage, maxMessage }).filter(([, v]) => v !== undefined),
  ) as DateRules;
  return Type.String({ isoDate: rules, description: "Date AAAA-MM-JJ", ...messages });
}

/** One choice among fixed values. */
export function ChoiceInput<const T extends readonly string[]>(values: T, messages: FieldMessages = {}) {
  return Type.Union(
    values.map((v) => Type.Literal(v)),
    messages,
  ) as unknown as TSchema & { static: T[number] };
}

function messageFor(schema: TSchema | undefined, missing: boolean): string {
  const s = (schema ?? {}) as FieldMessages;
  if (missing) return s.requiredMessage ?? s.errorMessage ?? "Ce champ est obligatoire";
  return s.errorMessage ?? "Vérifiez la valeur de ce champ";
}

export type FormResult<T extends TObject> =
  | { ok: true; data: Static<T>; errors: FormErrors }
  | { ok: false; errors: FormErrors; data?: undefined };

/** The reading rules of a date field, or undefined when the schema is not a DateInput. */
function dateRulesOf(schema: TSchema | undefined): DateRules | undefined {
  const rules = (schema as { isoDate?: DateRules | boolean } | undefined)?.isoDate;
  if (!rules) return undefined;
  return rules === true ? {} : (rules as DateRules);
}

/**
 * Validates normalised form values against a TypeBox object schema, with the field's own French
 * messages. Control characters found by normalizeForm are errors at their field; each date field is
 * read with parseDate and its ISO date put back in `values` (so routes keep reading `values`).
 */
export function validateForm<T extends TObject>(
  schema: T,
  values: FormValues,
  today: string = parisToday(),
): FormResult<T> {
  const errors: FormErrors = inputErrors(values);
  const properties = schema.properties as Record<string, TSchema>;
  for (const [name, prop] of Object.entries(properties)) {
    const rules = dateRulesOf(prop);
    const value = values[name];
    if (!rules || typeof value !== "string" || errors[name]) continue;
    const parsed = parseDate(value, rules, today);
    if (parsed.ok) values[name] = parsed.iso;
    else errors[name] = parsed.message;
  }
  for (const error of Value.Errors(schema, values)) {
    if (error.keyword === "required") {
      const required = (error.params as { requiredProperties?: string[] }).requiredProperties ?? [];
      for (const name of required) errors[name] ??= messageFor(properties[name], true);
      continue;
    }
    const name = error.instancePath.split("/")[1];
    if (name) errors[name] ??= messageFor(properties[name], false);
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, data: values as Static<T>, errors };
}

/** Merges rule errors into schema errors, keeping the first message per field. */
export function mergeErrors(...lists: FormErrors[]): FormErrors {
  const out: FormErrors = {};
  for (const list of lists) for (const [k, v] of Object.entries(list)) if (v) out[k] ??= v;
  return out;
}

export function hasErrors(errors: FormErrors): boolean {
  return Object.values(errors).some(Boolean);
}
