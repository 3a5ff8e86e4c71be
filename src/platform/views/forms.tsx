import type { ComponentChildren, VNode } from "preact";
import { DATE_PART_SEPARATOR } from "../forms.ts";

/** Error message per field name; a field without message is valid. */
export type FormErrors = Partial<Record<string, string>>;

export interface Option {
  value: string;
  label: string;
  hint?: string;
}

/** Id of the control for field `name` ("f-<name>"); characters unsafe in an id become "-". */
export function fieldId(name: string): string {
  return `f-${name.replace(/[^A-Za-z0-9_-]/g, "-")}`;
}

const hintId = (name: string) => `${fieldId(name)}-hint`;
const errorId = (name: string) => `${fieldId(name)}-error`;

function describedBy(name: string, hint?: string | null, error?: string | null): string | undefined {
  const ids = [hint ? hintId(name) : null, error ? errorId(name) : null].filter((id) => id !== null);
  return ids.length > 0 ? ids.join(" ") : undefined;
}

function Hint({ name, hint }: { name: string; hint?: string | null }) {
  if (!hint) return null;
  return (
    <p class="hint" id={hintId(name)}>
      {hint}
    </p>
  );
}

function ErrorMessage({ name, error }: { name: string; error?: string | null }) {
  if (!error) return null;
  return (
    <p class="field-error" id={errorId(name)}>
      <span class="visually-hidden">Erreur : </span>
      {error}
    </p>
  );
}

function fieldClass(error?: string | null, extra?: string): string {
  return ["field", error ? "field--error" : null, extra ?? null].filter(Boolean).join(" ");
}

/* ------------------------------------------------------------------ */
/* Error summary and CSRF                                              */
/* ------------------------------------------------------------------ */

/** Summary of all errors at the top of a form, each linking to its field. Nothing when no error. */
export function ErrorSummary({
  errors,
  title = "Le formulaire contient des erreurs",
}: {
  errors: FormErrors;
  title?: string;
}): VNode | null {
  const entries = Object.entries(errors).filter((entry): entry is [string, string] => Boolean(entry[1]));
  if (entries.length === 0) return null;
  return (
    <div class="error-summary" role="alert" tabindex={-1} aria-labelledby="error-summary-title">
      <h2 class="error-summary__title" id="error-summary-title">
        {title}
      </h2>
      <ul class="error-summary__list">
        {entries.map(([name, message]) => (
          <li key={name}>
            <a href={`#${fieldId(name)}`}>{message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function CsrfField({ token }: { token: string | undefined | null }): VNode {
  return <input type="hidden" name="_csrf" value={token ?? ""} />;
}

/* ------------------------------------------------------------------ */
/* Text inputs                                                         */
/* ------------------------------------------------------------------ */

export type FieldWidth = "short" | "medium" | "long";
export type InputMode = "text" | "numeric" | "decimal" | "tel" | "email" | "url" | "search" | "none";

interface BaseFieldProps {
  name: string;
  label: string;
  error?: string | null;
  hint?: string | null;
  required?: boolean;
}

export interface TextFieldProps extends BaseFieldProps {
  value?: string | number | null;
  type?: "text" | "email" | "tel" | "password" | "url" | "search" | "date" | "time" | "number";
  autocomplete?: string;
  width?: FieldWidth;
  inputmode?: InputMode;
  placeholder?: string;
  maxlength?: number;
  min?: string | number;
  max?: string | number;
  step?: string | number;
  spellcheck?: boolean;
}

export function TextField({
  name,
  label,
  value,
  error,
  hint,
  type = "text",
  autocomplete,
  required,
  width,
  inputmode,
  placeholder,
  maxlength,
  min,
  max,
  step,
  spellcheck,
}: TextFieldProps): VNode {
  const inputClass = ["input", width ? `input--${width}` : null, error ? "input--error" : null]
    .filter(Boolean)
    .join(" ");
  return (
    <div class={fieldClass(error)}>
      <label class="label" for={fieldId(name)}>
        {label}
      </label>
      <Hint name={name} hint={hint} />
      <ErrorMessage name={name} error={error} />
      <input
        class={inputClass}
        id={fieldId(name)}
        name={name}
        type={type}
        value={value ?? undefined}
        autocomplete={autocomplete}
        inputmode={inputmode}
        placeholder={placeholder}
        maxlength={maxlength}
        min={min}
        max={max}
        step={step}
        spellcheck={spellcheck}
        required={required || undefined}
        aria-invalid={error ? "true" : undefined}
        aria-describedby={describedBy(name, hint, error)}
      />
    </div>
  );
}

export interface DateFieldProps extends BaseFieldProps {
  /** `YYYY-MM-DD`, or what was typed (`29/2/1990`, `29//1990`) when the form comes back with an error. */
  value?: string | null;
  /** Kept for callers; the range is checked by the server (DateInput's min and max). */
  min?: string;
  max?: string;
}

/** The day, month and year shown in a date field: from an ISO date or from the parts typed. */
export function dateParts(value: string | null | undefined): { jour: string; mois: string; annee: string } {
  if (!value) return { jour: "", mois: "", annee: "" };
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (iso) return { jour: iso[3] ?? "", mois: iso[2] ?? "", annee: iso[1] ?? "" };
  const [jour = "", mois = "", annee = ""] = value.split(
    value.includes(DATE_PART_SEPARATOR) ? DATE_PART_SEPARATOR : "/",
  );
  return { jour, mois, annee };
}

const DATE_EXAMPLE = "Par exemple, 27 3 1990";
const DATE_PARTS = [
  { part: "jour", label: "Jour", width: 2 },
  { part: "mois", label: "Mois", width: 2 },
  { part: "annee", label: "Année", width: 4 },
] as const;

/**
 * A date typed freely as day, month and year (the date input of the GOV.UK and DSFR design systems):
 * submits `<name>-jour`, `<name>-mois`, `<name>-annee`, which normalizeForm joins into `<name>`, so an
 * impossible date reaches the server as typed and comes back with its message and the typed parts.
 */
export function DateField({ name, label, value, error, hint, required }: DateFieldProps): VNode {
  const parts = dateParts(value);
  const shownHint = !hint
    ? DATE_EXAMPLE
    : hint.includes("Par exemple")
      ? hint
      : `${hint.replace(/\.$/, "")}. ${DATE_EXAMPLE}`;
  return (
    <div class={fieldClass(error)}>
      <fieldset class="fieldset" aria-describedby={describedBy(name, shownHint, error)}>
        <legend class="legend">{label}</legend>
        <Hint name={name} hint={shownHint} />
        <ErrorMessage name={name} error={error} />
        <div class="date-input">
          {DATE_PARTS.map(({ part, label: partLabel, width }, index) => {
            const id = index === 0 ? fieldId(name) : `${fieldId(name)}-${part}`;
            return (
              <div class="date-input__item" key={part}>
                <label class="label date-input__label" for={id}>
                  {partLabel}
                </label>
                <input
                  class={`input date-input__input date-input__input--${width}${error ? " input--error" : ""}`}
                  id={id}
                  name={`${name}-${part}`}
                  type="text"
                  inputmode="numeric"
                  value={parts[part]}
                  maxlength={width + 2}
                  autocomplete="off"
                  required={required || undefined}
                  aria-invalid={error ? "true" : undefined}
                />
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

export interface TimeFieldProps extends BaseFieldProps {
  /** `HH:MM` */
  value?: string | null;
  step?: number;
}

export function TimeField(props: TimeFieldProps): VNode {
  return <TextField {...props} type="time" width="short" />;
}

export interface NumberFieldProps extends BaseFieldProps {
  value?: string | number | null;
  min?: number;
  max?: number;
  /** Default 1; use e.g. 0.01 for amounts. */
  step?: number | "any";
  width?: FieldWidth;
}

export function NumberField({ width = "short", ...props }: NumberFieldProps): VNode {
  return <TextField {...props} type="number" width={width} />;
}

export interface TextAreaProps extends BaseFieldProps {
  value?: string | null;
  rows?: number;
  maxlength?: number;
}

export function TextArea({
  name,
  label,
  value,
  error,
  hint,
  rows = 5,
  required,
  maxlength,
}: TextAreaProps): VNode {
  return (
    <div class={fieldClass(error)}>
      <label class="label" for={fieldId(name)}>
        {label}
      </label>
      <Hint name={name} hint={hint} />
      <ErrorMessage name={name} error={error} />
      <textarea
        class={error ? "textarea input--error" : "textarea"}
        id={fieldId(name)}
        name={name}
        rows={rows}
        maxlength={maxlength}
        required={required || undefined}
        aria-invalid={error ? "true" : undefined}
        aria-describedby={describedBy(name, hint, error)}
      >
        {value ?? ""}
      </textarea>
    </div>
  );
}

/* ------------------------------------------------------------------ */
/* Choices                                                             */
/* ------------------------------------------------------------------ */

export interface SelectFieldProps extends BaseFieldProps {
  options: { value: string; label: string }[];
  value?: string | null;
  /** Label of a first option with an empty value (e.g. "Choisir…"). */
  emptyLabel?: string;
}

export function SelectField({
  name,
  label,
  options,
  value,
  error,
  hint,
  emptyLabel,
  required,
}: SelectFieldProps): VNode {
  return (
    <div class={fieldClass(error)}>
      <label class="label" for={fieldId(name)}>
        {label}
      </label>
      <Hint name={name} hint={hint} />
      <ErrorMessage name={name} error={error} />
      <select
        class={error ? "select input--error" : "select"}
        id={fieldId(name)}
        name={name}
        required={required || undefined}
        aria-invalid={error ? "true" : undefined}
        aria-describedby={describedBy(name, hint, error)}
      >
        {emptyLabel !== undefined ? (
          <option value="" selected={!value || undefined}>
            {emptyLabel}
          </option>
        ) : null}
        {options.map((option) => (
          <option key={option.value} value={option.value} selected={option.value === value || undefined}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Id of the n-th choice of a group: the first one carries the field id, so error links reach it. */
function choiceId(name: string, index: number): string {
  return index === 0 ? fieldId(name) : `${fieldId(name)}-${index + 1}`;
}

interface ChoiceGroupProps {
  name: string;
  legend: string;
  options: Option[];
  error?: string | null;
  hint?: string | null;
  inline?: boolean;
  required?: boolean;
}

function ChoiceGroup({
  kind,
  name,
  legend,
  options,
  error,
  hint,
  inline,
  required,
  isChecked,
}: ChoiceGroupProps & { kind: "radio" | "checkbox"; isChecked: (value: string) => boolean }): VNode {
  return (
    <div class={fieldClass(error)}>
      <fieldset class="fieldset" aria-describedby={describedBy(name, hint, error)}>
        <legend class="legend">{legend}</legend>
        <Hint name={name} hint={hint} />
        <ErrorMessage name={name} error={error} />
        <div class={`choices${inline ? " choices--inline" : ""}`}>
          {options.map((option, index) => {
            const id = choiceId(name, index);
            const optionHintId = option.hint ? `${id}-item-hint` : undefined;
            return (
              <div class="choice" key={option.value}>
                <input
                  class="choice__input"
                  type={kind}
                  id={id}
                  name={name}
                  value={option.value}
                  checked={isChecked(option.value) || undefined}
                  required={(kind === "radio" && required) || undefined}
                  aria-describedby={optionHintId}
                />
                <label class="choice__label" for={id}>
                  {option.label}
                </label>
                {option.hint ? (
                  <p class="hint choice__hint" id={optionHintId}>
                    {option.hint}
                  </p>
                ) : null}
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

export interface RadioGroupProps extends ChoiceGroupProps {
  value?: string | null;
}

export function RadioGroup({ value, ...props }: RadioGroupProps): VNode {
  return <ChoiceGroup {...props} kind="radio" isChecked={(v) => v === value} />;
}

export interface CheckboxGroupProps extends ChoiceGroupProps {
  values?: string[];
}

export function CheckboxGroup({ values = [], ...props }: CheckboxGroupProps): VNode {
  return <ChoiceGroup {...props} kind="checkbox" isChecked={(v) => values.includes(v)} />;
}

/** A single checkbox (e.g. a consent or a filter). */
export function Checkbox({
  name,
  label,
  checked,
  value = "1",
  hint,
  error,
}: {
  name: string;
  label: string;
  checked?: boolean;
  value?: string;
  hint?: string | null;
  error?: string | null;
}): VNode {
  return (
    <div class={fieldClass(error)}>
      <ErrorMessage name={name} error={error} />
      <div class="choice">
        <input
          class="choice__input"
          type="checkbox"
          id={fieldId(name)}
          name={name}
          value={value}
          checked={checked || undefined}
          aria-invalid={error ? "true" : undefined}
          aria-describedby={describedBy(name, hint, error)}
        />
        <label class="choice__label" for={fieldId(name)}>
          {label}
        </label>
        {hint ? (
          <p class="hint choice__hint" id={hintId(name)}>
            {hint}
          </p>
        ) : null}
      </div>
    </div>
  );
}

/* ------------------------------------------------------------------ */
/* File                                                                */
/* ------------------------------------------------------------------ */

export function FileField({
  name,
  label,
  accept,
  error,
  hint,
  multiple,
  required,
}: BaseFieldProps & { accept?: string; multiple?: boolean }): VNode {
  return (
    <div class={fieldClass(error)}>
      <label class="label" for={fieldId(name)}>
        {label}
      </label>
      <Hint name={name} hint={hint} />
      <ErrorMessage name={name} error={error} />
      <input
        class="file-input"
        type="file"
        id={fieldId(name)}
        name={name}
        accept={accept}
        multiple={multiple || undefined}
        required={required || undefined}
        aria-invalid={error ? "true" : undefined}
        aria-describedby={describedBy(name, hint, error)}
      />
    </div>
  );
}

/* ------------------------------------------------------------------ */
/* Buttons                                                             */
/* ------------------------------------------------------------------ */

export type ButtonVariant = "primary" | "secondary" | "warning";

function buttonClass(variant: ButtonVariant, small?: boolean): string {
  return ["button", variant === "primary" ? null : `button--${variant}`, small ? "button--small" : null]
    .filter(Boolean)
    .join(" ");
}

export function Button({
  children,
  variant = "primary",
  type = "submit",
  name,
  value,
  formaction,
  small,
  confirm,
}: {
  children?: ComponentChildren;
  variant?: ButtonVariant;
  type?: "submit" | "button" | "reset";
  name?: string;
  value?: string;
  formaction?: string;
  small?: boolean;
  /** Question asked by enhance.js before submitting (ignored without JavaScript). */
  confirm?: string;
}): VNode {
  return (
    <button
      class={buttonClass(variant, small)}
      type={type}
      name={name}
      value={value}
      formaction={formaction}
      data-confirm={confirm}
    >
      {children}
    </button>
  );
}

/** A link that looks like a button (navigation, never a change of state). */
export function ButtonLink({
  href,
  children,
  variant = "primary",
  small,
}: {
  href: string;
  children?: ComponentChildren;
  variant?: ButtonVariant;
  small?: boolean;
}): VNode {
  return (
    <a class={buttonClass(variant, small)} href={href}>
      {children}
    </a>
  );
}

export function FormActions({ children }: { children?: ComponentChildren }): VNode {
  return <div class="form-actions">{children}</div>;
}

/** A postal address in three optional fields: addressLine, postalCode, city (same names in every form). */
export function AddressFields({
  values,
  errors,
}: {
  values: Partial<Record<"addressLine" | "postalCode" | "city", string | undefined>>;
  errors: FormErrors;
}): VNode {
  return (
    <>
      <TextField
        name="addressLine"
        label="Adresse (facultatif)"
        value={values.addressLine}
        error={errors.addressLine}
        width="long"
      />
      <TextField
        name="postalCode"
        label="Code postal (facultatif)"
        value={values.postalCode}
        error={errors.postalCode}
        width="short"
        inputmode="numeric"
      />
      <TextField
        name="city"
        label="Commune (facultatif)"
        value={values.city}
        error={errors.city}
        width="medium"
      />
    </>
  );
}
