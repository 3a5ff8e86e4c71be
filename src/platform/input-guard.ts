import type { FastifyRequest } from "fastify";
import type { TSchema } from "typebox";
import { NotFoundError } from "./errors.ts";
import { CONTROL_CHARACTER_MESSAGE, hasControlCharacters, isUuid } from "./forms.ts";

/** One field of a request refused, as listed in a problem document: `{ field, message }` in French. */
export interface FieldError {
  field: string;
  message: string;
}

/** A route parameter that names a record (`:id`, `:measureId`, `:userId`…): always a UUID. */
export function isIdParam(name: string): boolean {
  return name === "id" || /Id$/.test(name);
}

const QUERY_CONTROL_MESSAGE =
  "La recherche ou le filtre contient un caractère non autorisé (caractère de contrôle invisible) : retirez-le et recommencez";

/** An error shaped like Fastify's schema validation errors, so the error handler treats both alike. */
class RequestInputError extends Error {
  readonly statusCode = 400;
  readonly validation: { instancePath: string; keyword: string; params: Record<string, unknown> }[];
  constructor(
    readonly validationContext: string,
    fields: string[],
  ) {
    super("invalid input");
    this.validation = fields.map((field) => ({
      instancePath: `/${field}`,
      keyword: "controlCharacters",
      params: {},
    }));
  }
}

function containsControl(value: unknown): boolean {
  if (typeof value === "string") return hasControlCharacters(value);
  if (Array.isArray(value)) return value.some(containsControl);
  return false;
}

/**
 * Runs before every handler (after the login and CSRF checks): an id in the path that is not a UUID
 * is a 404 (it never reaches SQL), a path parameter with a control character too, and a query string
 * holding control characters (a search box, a filter) is refused with a French message. Form and API
 * bodies are checked field by field by normalizeForm / validateForm and the API's schemas.
 */
export async function guardRequestInput(request: FastifyRequest): Promise<void> {
  const params = (request.params ?? {}) as Record<string, unknown>;
  for (const [name, value] of Object.entries(params)) {
    if (typeof value !== "string") continue;
    if (hasControlCharacters(value) || (isIdParam(name) && !isUuid(value))) throw new NotFoundError();
  }
  const query = (request.query ?? {}) as Record<string, unknown>;
  const refused = Object.entries(query)
    .filter(([, value]) => containsControl(value))
    .map(([name]) => name);
  if (refused.length > 0) throw new RequestInputError("querystring", refused);
}

function typeMessage(expected: unknown): string {
  switch (expected) {
    case "string":
      return "Ce champ doit être un texte (entre guillemets)";
    case "integer":
      return "Ce champ doit être un nombre entier";
    case "number":
      return "Ce champ doit être un nombre";
    case "boolean":
      return "Ce champ doit valoir true ou false";
    case "object":
      return "Ce champ doit être un objet JSON";
    case "array":
      return "Ce champ doit être une liste";
    default:
      return "Ce champ n'a pas le bon type";
  }
}

type AjvError = {
  instancePath?: string;
  keyword?: string;
  params?: Record<string, unknown>;
};

/**
 * The French message of each field refused by schema validation (a Fastify validation error or the
 * guard's): the field's own requiredMessage / errorMessage from its TypeBox schema when it has one.
 */
export function validationFieldErrors(
  error: { validation?: unknown; validationContext?: string },
  request: FastifyRequest,
): FieldError[] {
  const context = error.validationContext ?? "body";
  const routeSchema = (request.routeOptions.schema ?? {}) as Record<string, unknown>;
  const partSchema = routeSchema[context] as { properties?: Record<string, TSchema> } | undefined;
  const out: FieldError[] = [];
  const seen = new Set<string>();
  for (const item of (Array.isArray(error.validation) ? error.validation : []) as AjvError[]) {
    const params = item.params ?? {};
    const field =
      item.keyword === "required"
        ? String(params.missingProperty ?? "")
        : item.keyword === "additionalProperties"
          ? String(params.additionalProperty ?? "")
          : (item.instancePath ?? "").split("/").filter(Boolean).join(".") || context;
    if (seen.has(field)) continue;
    seen.add(field);
    const schema = (partSchema?.properties?.[field.split(".")[0] ?? ""] ?? {}) as {
      requiredMessage?: string;
      errorMessage?: string;
    };
    let message: string;
    if (item.keyword === "required")
      message = schema.requiredMessage ?? schema.errorMessage ?? "Ce champ est obligatoire";
    else if (item.keyword === "additionalProperties") message = "Ce champ n'existe pas : retirez-le";
    else if (item.keyword === "controlCharacters")
      message = context === "querystring" ? QUERY_CONTROL_MESSAGE : CONTROL_CHARACTER_MESSAGE;
    else if (item.keyword === "type") message = typeMessage(params.type);
    else message = schema.errorMessage ?? "Vérifiez la valeur de ce champ";
    out.push({ field, message });
  }
  return out;
}
