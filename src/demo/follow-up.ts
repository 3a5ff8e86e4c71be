import { addCalendarDays, computeDueDate } from "../deadlines/rules.ts";
import { changeStatus, createMeasure } from "../measures/queries.ts";
import type { MeasureStatus } from "../measures/rules.ts";
import type { PersonInput } from "../persons/form.ts";
import { createPerson } from "../persons/queries.ts";
import { type Db, withTenant } from "../platform/db.ts";
import { measureTypeByCode } from "../reference/data/measure-types.ts";

/** A small deterministic generator, so that the demo data is the same at every first start. */
export function seededRandom(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

// Fictitious people: the phone numbers are in the 01 99 00 range that ARCEP reserves for fiction,
// the e-mail addresses end in .invalid, the streets are "de l'Exemple".
const LAST_NAMES = [
  "Lefèvre",
  "Dubois",
  "N'Diaye",
  "Le Goff",
  "Martin-Éluard",
  "Moreau",
  "Fontaine",
  "Da Silva",
  "Bernard",
  "Haddad",
  "Girard",
  "Kowalski",
  "Rolland",
  "Mercier",
  "Traoré",
  "Chevalier",
  "Muller",
  "Leroy",
  "Benoît",
  "Petit",
];
const FIRST_NAMES_F = [
  "Camille",
  "Léa",
  "Aïcha",
  "Maëlle",
  "Zoé",
  "Chloé",
  "Inès",
  "Océane",
  "Fatou",
  "Agnès",
];
const FIRST_NAMES_M = [
  "Lucas",
  "Noël",
  "Mehdi",
  "Jérôme",
  "Théo",
  "Yanis",
  "François",
  "Kévin",
  "Loïc",
  "Mamadou",
];
const CITIES = [
  ["33000", "Bordeaux"],
  ["33400", "Talence"],
  ["33600", "Pessac"],
  ["33700", "Mérignac"],
  ["33130", "Bègles"],
] as const;
const CITIES_57 = [
  ["57000", "Metz"],
  ["57100", "Thionville"],
  ["57200", "Sarreguemines"],
] as const;
const FAMILY = ["celibataire", "couple", "marie", "pacse", "separe", null] as const;

export function demoPerson(rand: () => number, i: number, moselle = false): PersonInput {
  const female = rand() < 0.35;
  const first = female ? FIRST_NAMES_F : FIRST_NAMES_M;
  const cities = moselle ? CITIES_57 : CITIES;
  const [postalCode, city] = cities[Math.floor(rand() * cities.length)] ?? cities[0];
  const year = 1965 + Math.floor(rand() * 42);
  const birthDate = `${year}-${String(1 + Math.floor(rand() * 12)).padStart(2, "0")}-${String(1 + Math.floor(rand() * 28)).padStart(2, "0")}`;
  const hasEmail = rand() < 0.5;
  const lastName = LAST_NAMES[(i * 7 + (moselle ? 3 : 0)) % LAST_NAMES.length] ?? "Exemple";
  const firstName = first[Math.floor(rand() * first.length)] ?? "Camille";
  return {
    lastName,
    usedName: null,
    firstName,
    birthDate,
    birthPlace: "Ville-Exemple",
    sex: female ? "F" : "M",
    addressLine: `${1 + Math.floor(rand() * 120)} rue de l'Exemple`,
    postalCode,
    city,
    phone: `01 99 00 ${String(10 + (i % 90)).padStart(2, "0")} ${String(10 + Math.floor(rand() * 89))}`,
    email: hasEmail
      ? `${`${firstName}.${lastName}`
          .toLowerCase()
          .normalize("NFD")
          .replace(/[^a-z.]/g, "")}@exemple.invalid`
      : null,
    reminderConsent: hasEmail,
    familySituation: FAMILY[Math.floor(rand() * FAMILY.length)] ?? null,
  };
}

interface Staff {
  directionId: string;
  referentIds: string[];
}

const GIRONDE_TYPES = [
  "cjse",
  "cjse",
  "cjse",
  "enquete_personnalite",
  "enquete_personnalite",
  "esr",
  "mediation_penale",
  "stage_citoyennete",
  "reparation_penale_mineurs",
  "placement_exterieur",
];
const MOSELLE_TYPES = ["cjse", "enquete_personnalite", "mediation_penale", "sursis_probatoire"];

/** Persons and measures of one association, with deadlines spread around today (some late). */
export async function seedDemoFollowUp(
  db: Db,
  association: { id: string; courtId: string; departement: string; moselle: boolean },
  staff: Staff,
  options: { persons: number; today: string; seed: number },
): Promise<void> {
  const rand = seededRandom(options.seed);
  const types = association.moselle ? MOSELLE_TYPES : GIRONDE_TYPES;
  await withTenant(db, { userId: staff.directionId, associationId: association.id }, async (tx) => {
    for (let i = 0; i < options.persons; i++) {
      const personId = await createPerson(tx, demoPerson(rand, i, association.moselle), staff.directionId);
      const count = rand() < 0.2 ? 2 : 1;
      for (let k = 0; k < count; k++) {
        const typeCode = types[Math.floor(rand() * types.length)] ?? "cjse";
        const type = measureTypeByCode(typeCode);
        if (!type) continue;
        const ageDays = 5 + Math.floor(rand() * 200);
        const receivedDate = addCalendarDays(options.today, -ageDays);
        const decisionDate = addCalendarDays(receivedDate, -Math.floor(rand() * 6));
        const referentId = staff.referentIds[(i + k) % staff.referentIds.length] ?? staff.directionId;
        const place = { departement: association.departement, alsaceMoselle: association.moselle };
        const measure = await createMeasure(
          tx,
          personId,
          {
            typeCode,
            magistrateFunction: type.orderedBy[0] ?? "Juge d'instruction",
            magistrateName: null,
            courtId: association.courtId,
            proceedingsNumber: `${receivedDate.slice(0, 4)}/${String(10000 + Math.floor(rand() * 89999))}`,
            decisionDate,
            receivedDate,
            referentId,
            reportDueDate: computeDueDate(receivedDate, type.defaultReportDeadline, place),
            endDate: typeCode === "cjse" ? addCalendarDays(receivedDate, 365) : null,
          },
          staff.directionId,
        );
        // Move some measures along their life.
        const roll = rand();
        const path: MeasureStatus[] =
          roll < 0.15
            ? []
            : roll < 0.7
              ? ["en_cours"]
              : roll < 0.85
                ? ["en_cours", "rapport_remis"]
                : ["en_cours", "rapport_remis", "cloturee"];
        let from: MeasureStatus = "recue";
        let on = receivedDate;
        for (const to of path) {
          on = addCalendarDays(on, 1 + Math.floor(rand() * Math.max(1, ageDays / 4)));
          if (on > options.today) break;
          await changeStatus(
            tx,
            { id: measure.id, status: from },
            { to, on, note: null, userId: referentId },
          );
          from = to;
        }
      }
    }
  });
}
