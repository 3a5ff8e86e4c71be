import type { ComponentChildren, VNode } from "preact";
import { Notice } from "../platform/views/display.tsx";

/** One record likely the same as the one entered, as the warning lists it. */
export interface DuplicateItem {
  id: string;
  href: string;
  name: string;
  /** What tells the records apart: birth date, open measures, certificates… */
  details: ComponentChildren;
}

/**
 * The warning shown instead of creating a record when likely duplicates exist: each with a link to its
 * page, and « Créer quand même », which sends the form (by its id) again with confirmDuplicate=1.
 */
export function DuplicateWarning({
  title,
  intro,
  items,
  formId,
}: {
  title: string;
  intro: ComponentChildren;
  items: readonly DuplicateItem[];
  formId: string;
}): VNode {
  return (
    <section aria-labelledby="doublons-titre" class="duplicates">
      <Notice tone="warning">
        <h2 id="doublons-titre" class="notice__title">
          {title}
        </h2>
        <p>{intro}</p>
        <ul>
          {items.map((item) => (
            <li key={item.id}>
              <p>
                <strong>{item.name}</strong> – {item.details}
              </p>
              <p>
                <a class="button button--secondary button--small" href={item.href}>
                  Ouvrir la fiche existante<span class="visually-hidden"> de {item.name}</span>
                </a>
              </p>
            </li>
          ))}
        </ul>
        <p>Si c'est une autre personne, vérifiez la saisie ci-dessous puis créez-la :</p>
        <button class="button button--warning" type="submit" form={formId} name="confirmDuplicate" value="1">
          Créer quand même
        </button>
      </Notice>
    </section>
  );
}
