/**
 * Rules for French public holidays (jours fériés), used to compute deadlines in working days and to
 * extend a deadline that ends on a non-working day.
 *
 * Sources:
 * - Code du travail, art. L3133-1: the 11 national public holidays;
 * - Code du travail, art. L3134-13: in Moselle, Bas-Rhin and Haut-Rhin, Good Friday (legally in communes
 *   with a Protestant or mixed church; applied here to the whole of the three départements) and 26 December;
 * - loi n° 83-550 of 30 June 1983 and décret n° 83-1003 of 23 November 1983 as amended: the day
 *   commemorating the abolition of slavery in each overseas département or collectivité.
 *
 * Easter Sunday itself is not listed: it is always a Sunday. This table is seed data: an administrator can
 * edit it when the law changes.
 */

export type HolidayRule =
  /** The same calendar date every year. */
  | { kind: "fixed"; month: number; day: number }
  /** A number of days after (or before, when negative) Easter Sunday. */
  | { kind: "easter"; offset: number };

export interface HolidayDefinition {
  id: string;
  name: string;
  rule: HolidayRule;
  note?: string;
}

export const NATIONAL_HOLIDAYS: readonly HolidayDefinition[] = [
  { id: "jour_de_l_an", name: "Jour de l'an", rule: { kind: "fixed", month: 1, day: 1 } },
  { id: "lundi_de_paques", name: "Lundi de Pâques", rule: { kind: "easter", offset: 1 } },
  { id: "fete_du_travail", name: "Fête du travail", rule: { kind: "fixed", month: 5, day: 1 } },
  { id: "victoire_1945", name: "Victoire 1945", rule: { kind: "fixed", month: 5, day: 8 } },
  { id: "ascension", name: "Ascension", rule: { kind: "easter", offset: 39 } },
  {
    id: "lundi_de_pentecote",
    name: "Lundi de Pentecôte",
    rule: { kind: "easter", offset: 50 },
    note: "Férié légal ; peut être travaillé au titre de la journée de solidarité (C. trav. art. L3133-7 et s.).",
  },
  { id: "fete_nationale", name: "Fête nationale", rule: { kind: "fixed", month: 7, day: 14 } },
  { id: "assomption", name: "Assomption", rule: { kind: "fixed", month: 8, day: 15 } },
  { id: "toussaint", name: "Toussaint", rule: { kind: "fixed", month: 11, day: 1 } },
  { id: "armistice_1918", name: "Armistice 1918", rule: { kind: "fixed", month: 11, day: 11 } },
  { id: "noel", name: "Noël", rule: { kind: "fixed", month: 12, day: 25 } },
];

/** Départements where the local law of Alsace-Moselle applies. */
export const ALSACE_MOSELLE_DEPARTEMENTS: readonly string[] = ["57", "67", "68"];

export const ALSACE_MOSELLE_HOLIDAYS: readonly HolidayDefinition[] = [
  {
    id: "vendredi_saint",
    name: "Vendredi saint",
    rule: { kind: "easter", offset: -2 },
    note: "Légalement dans les communes ayant un temple protestant ou une église mixte ; appliqué aux trois départements.",
  },
  { id: "saint_etienne", name: "Saint-Étienne", rule: { kind: "fixed", month: 12, day: 26 } },
];

export interface SlaveryAbolitionDay {
  /** INSEE code of the overseas département or collectivité. */
  code: string;
  territory: string;
  month: number;
  day: number;
  note?: string;
}

/** Décret n° 83-1003 as amended: one date per overseas territory. */
export const SLAVERY_ABOLITION_DAYS: readonly SlaveryAbolitionDay[] = [
  { code: "971", territory: "Guadeloupe", month: 5, day: 27 },
  { code: "972", territory: "Martinique", month: 5, day: 22 },
  { code: "973", territory: "Guyane", month: 6, day: 10 },
  { code: "974", territory: "La Réunion", month: 12, day: 20 },
  { code: "976", territory: "Mayotte", month: 4, day: 27 },
  { code: "977", territory: "Saint-Barthélemy", month: 10, day: 9 },
  {
    code: "978",
    territory: "Saint-Martin",
    month: 5,
    day: 28,
    note: "Date fixée par le décret n° 83-1003 modifié ; certains calendriers retiennent le 27 mai.",
  },
];

export const SLAVERY_ABOLITION_NAME = "Abolition de l'esclavage";

/**
 * Days off by local custom or agreement, not by statute. They are kept for reference and are NOT applied
 * by the deadline engine (a statutory deadline is not extended by them).
 */
export const LOCAL_CUSTOM_HOLIDAYS: readonly (HolidayDefinition & { departements: readonly string[] })[] = [
  {
    id: "vendredi_saint_antilles",
    name: "Vendredi saint",
    rule: { kind: "easter", offset: -2 },
    departements: ["971", "972"],
    note: "Chômé par usage ou accords locaux en Guadeloupe et en Martinique ; non prévu par l'art. L3133-1 C. trav.",
  },
];
