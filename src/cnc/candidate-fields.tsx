import type { VNode } from "preact";
import { Checkbox, CheckboxGroup, DateField, SelectField, TextField } from "../platform/views/forms.tsx";
import { ExperienceFieldSelect } from "./dossier-sections.tsx";
import { EXPERIENCE_ROWS } from "./form.ts";
import { EXERCISE_MODE_INFO, EXERCISE_MODES, MENTION_INFO, MENTIONS } from "./reference.ts";

/** Sections shared by the training service's candidate form and the public application. */
type Values = Record<string, string | string[] | undefined>;
type Errors = Partial<Record<string, string>>;

function textOf(values: Values, key: string): string | undefined {
  const v = values[key];
  return typeof v === "string" ? v : undefined;
}

export function listOf(values: Values, key: string): string[] {
  const v = values[key];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

/**
 * One row per job, as on the work certificates. `noun` names a row for the reader: « emploi » for a
 * candidate, « période » for the training service copying the certificates.
 */
export function ExperienceRows(props: { values: Values; errors: Errors; noun: "emploi" | "période" }): VNode {
  const { values, errors, noun } = props;
  const v = (key: string) => textOf(values, key);
  const title = noun === "emploi" ? "Emploi" : "Période";
  const of = (n: number) => (noun === "emploi" ? `de l'emploi ${n}` : `de la période ${n}`);
  const during = (n: number) => (noun === "emploi" ? `l'emploi ${n}` : `la période ${n}`);
  return (
    <>
      {Array.from({ length: EXPERIENCE_ROWS }, (_, i) => i + 1).map((n) => (
        <fieldset class="fieldset" key={n}>
          <legend class="legend">
            {title} {n} (facultatif)
          </legend>
          <DateField
            name={`exp${n}From`}
            label={`Début ${of(n)}`}
            value={v(`exp${n}From`)}
            error={errors[`exp${n}From`]}
          />
          <DateField
            name={`exp${n}To`}
            label={`Fin ${of(n)} (vide si en cours)`}
            value={v(`exp${n}To`)}
            error={errors[`exp${n}To`]}
          />
          <TextField
            name={`exp${n}Employer`}
            label={`Employeur ou structure ${of(n)}`}
            value={v(`exp${n}Employer`)}
            error={errors[`exp${n}Employer`]}
            width="long"
          />
          <ExperienceFieldSelect n={n} value={v(`exp${n}Field`)} error={errors[`exp${n}Field`]} />
          <Checkbox
            name={`exp${n}Tutelary`}
            label={`Activité tutélaire pendant ${during(n)}`}
            hint="Exercice de mesures de protection"
            checked={values[`exp${n}Tutelary`] !== undefined}
          />
        </fieldset>
      ))}
    </>
  );
}

/** The mentions asked for, and the mode of exercise of each. */
export function MentionChoice(props: { values: Values; errors: Errors; modeLabel: string }): VNode {
  const { values, errors, modeLabel } = props;
  return (
    <>
      <CheckboxGroup
        name="mentions"
        legend="Mentions demandées"
        hint="Un dossier par mention ; plusieurs mentions peuvent être cumulées."
        options={MENTIONS.map((x) => ({
          value: x,
          label: `${x} – ${MENTION_INFO[x].label}`,
          hint: MENTION_INFO[x].certificate,
        }))}
        values={listOf(values, "mentions")}
        error={errors.mentions}
      />
      {MENTIONS.map((mention) => (
        <SelectField
          key={mention}
          name={`mode${mention}`}
          label={`${modeLabel} ${mention}`}
          hint={mention === "MJAGBF" ? "Pas de préposé d'établissement pour la mention MJAGBF" : null}
          emptyLabel="Choisir un mode"
          options={EXERCISE_MODES.filter((mode) => EXERCISE_MODE_INFO[mode].mentions.includes(mention)).map(
            (mode) => ({ value: mode, label: EXERCISE_MODE_INFO[mode].label }),
          )}
          value={textOf(values, `mode${mention}`)}
          error={errors[`mode${mention}`]}
        />
      ))}
    </>
  );
}
