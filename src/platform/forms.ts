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

/** Trims, turns empty strings into absent values, CRLF into LF, and 27/03/1990 into 1990-03-27. */
export function normalizeForm(body: unknown): FormValues {
  const out: FormValues = {};
  if (!body || typeof body !== "object") return out;
  for (const [key, raw] of Object.entries(body as Record<string, unknown>)) {
    if (Array.isArray(raw)) {
      const items = raw.map((v) => normalizeValue(v)).filter((v): v is string => v !== undefined);
      if (items.length > 0) out[key] = items;
    } else {
      const value = normalizeValue(raw);
      if (value !== undefined) out[key] = value;
    }
  }
  return out;
}

function normalizeValue(raw: unknown): string | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw === "object") {
    // A multipart field: its text is in `value`; a file field is read with readUpload, not here.
    if ((raw as { type?: unknown }).type === "file") return undefined;
    if ("value" in raw) return normalizeValue((raw as { value: unknown }).value);
    return undefined;
  }
  const text = String(raw).replace(/\r\n?/g, "\n").trim();
  if (text === "") return undefined;
  const fr = FRENCH_DATE.exec(text);
  if (fr) return `${fr[3]}-${fr[2]?.padStart(2, "0")}-${fr[1]?.padStart(2, "0")}`;
  return text;
}

export function isValidIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** A required text field. */
export function TextInput(
  messages: FieldMessages & { maxLength?: number; minLength?: number; pattern?: string } = {},
) {
  return Type.String({ minLength: 1, maxLength: 500, ...messages });
}

/** A calendar date field (YYYY-MM-DD, also accepted as DD/MM/YYYY). */
export function DateInput(messages: FieldMessages = {}) {
  return Type.String({ pattern: "^\\d{4}-\\d{2}-\\d{2}$", isoDate: true, ...messages });
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

/** Validates normalised form values against a TypeBox object schema, with the field's own French messages. */
export function validateForm<T extends TObject>(schema: T, values: FormValues): FormResult<T> {
  const errors: FormErrors = {};
  const properties = schema.properties as Record<string, TSchema>;
  for (const error of Value.Errors(schema, values)) {
    if (error.keyword === "required") {
      const required = (error.params as { requiredProperties?: string[] }).requiredProperties ?? [];
      for (const name of required) errors[name] ??= messageFor(properties[name], true);
      continue;
    }
    const name = error.instancePath.split("/")[1];
    if (name) errors[name] ??= messageFor(properties[name], false);
  }
  for (const [name, prop] of Object.entries(properties)) {
    const value = values[name];
    if (
      (prop as { isoDate?: boolean }).isoDate &&
      typeof value === "string" &&
      !errors[name] &&
      !isValidIsoDate(value)
    ) {
      errors[name] = messageFor(prop, false);
    }
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
