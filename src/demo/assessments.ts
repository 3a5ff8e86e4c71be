import { asc, ne } from "drizzle-orm";
import { type PlanDomain, type PlanStatus, planActions, planObjectives } from "../action-plans/tables.ts";
import {
  ASSESSMENT_DOMAINS,
  type AssessmentDomain,
  type AssessmentLevel,
  assessmentDomains,
  assessments,
} from "../assessments/tables.ts";
import { addCalendarDays, daysBetween } from "../deadlines/rules.ts";
import { measures } from "../measures/tables.ts";
import { type PartnerKind, partners } from "../partners/tables.ts";
import { type Db, type TenantTx, withTenant } from "../platform/db.ts";
import type { DemoContext } from "./context.ts";

/* ------------------------------------------------------------------ */
/* Partners: fictitious services, phones in the 01 99 00 range          */
/* ------------------------------------------------------------------ */

interface DemoPartner {
  kind: PartnerKind;
  name: string;
  magistrateFunction?: string;
  courtId?: string;
  contactName?: string;
  address?: string;
  notes?: string;
}

const GIRONDE_PARTNERS: DemoPartner[] = [
  {
    kind: "magistrat",
    name: "Cabinet d'instruction n° 4",
    magistrateFunction: "Juge d'instruction",
    courtId: "tj33063",
    contactName: "Greffe du cabinet",
  },
  {
    kind: "magistrat",
    name: "Service de l'application des peines",
    magistrateFunction: "Juge de l'application des peines",
    courtId: "tj33063",
    contactName: "Greffe de l'application des peines",
  },
  {
    kind: "magistrat",
    name: "Parquet – pôle alternatives aux poursuites",
    magistrateFunction: "Substitut du procureur",
    courtId: "tj33243",
  },
  {
    kind: "spip",
    name: "SPIP – antenne de l'Exemple",
    contactName: "Conseillère pénitentiaire d'insertion et de probation de permanence",
    address: "12 rue de l'Exemple, 33000 Bordeaux",
  },
  {
    kind: "service_social",
    name: "Maison des solidarités des Chartrons-Exemple",
    contactName: "Accueil social",
    notes: "Permanences sans rendez-vous le mardi matin.",
  },
  {
    kind: "emploi",
    name: "Espace emploi de la Garonne",
    contactName: "Conseiller référent justice",
    notes: "Ateliers CV le jeudi après-midi.",
  },
  {
    kind: "soins",
    name: "CSAPA Les Tilleuls",
    contactName: "Secrétariat médical",
    notes: "Premier rendez-vous sous quinze jours environ.",
  },
  { kind: "soins", name: "Centre médico-psychologique du Parc", contactName: "Infirmière d'accueil" },
  {
    kind: "hebergement",
    name: "Résidence sociale Le Phare",
    contactName: "Responsable des admissions",
    notes: "Orientation par le SIAO uniquement.",
  },
  { kind: "association", name: "Association Pas à Pas – insertion", contactName: "Coordinatrice" },
];

const MOSELLE_PARTNERS: DemoPartner[] = [
  {
    kind: "magistrat",
    name: "Cabinet d'instruction n° 2",
    magistrateFunction: "Juge d'instruction",
    courtId: "tj57463",
  },
  {
    kind: "magistrat",
    name: "Service de l'application des peines",
    magistrateFunction: "Juge de l'application des peines",
    courtId: "tj57463",
  },
  {
    kind: "magistrat",
    name: "Parquet – bureau de l'exécution des peines",
    magistrateFunction: "Procureur de la République",
    courtId: "tj57672",
  },
  { kind: "spip", name: "SPIP – antenne du Val-Exemple", contactName: "Accueil du SPIP" },
  {
    kind: "service_social",
    name: "Centre communal d'action sociale de Ville-Exemple",
    contactName: "Accueil",
  },
  { kind: "emploi", name: "Mission emploi de la Moselle-Exemple", contactName: "Conseillère insertion" },
  { kind: "soins", name: "CSAPA Les Marronniers", contactName: "Secrétariat" },
  { kind: "soins", name: "Centre médico-psychologique Saint-Exemple", contactName: "Secrétariat" },
  { kind: "hebergement", name: "Foyer d'hébergement L'Escale", contactName: "Travailleur social de garde" },
  { kind: "association", name: "Association Reliance – médiation", contactName: "Médiatrice" },
];

function partnerRows(list: DemoPartner[], range: number) {
  return list.map((p, i) => ({
    kind: p.kind,
    name: p.name,
    magistrateFunction: p.magistrateFunction ?? null,
    courtId: p.courtId ?? null,
    contactName: p.contactName ?? null,
    phone: `01 99 00 ${String(range + i).padStart(2, "0")} ${String(10 + i * 7).padStart(2, "0")}`,
    email: `accueil${range + i}@exemple.invalid`,
    address: p.address ?? null,
    notes: p.notes ?? null,
    active: true,
  }));
}

/* ------------------------------------------------------------------ */
/* Assessments: two situations in time per profile                      */
/* ------------------------------------------------------------------ */

type Levels = Record<AssessmentDomain, AssessmentLevel>;

const L = (values: AssessmentLevel[]): Levels =>
  Object.fromEntries(ASSESSMENT_DOMAINS.map((d, i) => [d, values[i] ?? "non_evaluee"])) as Levels;

// Order: logement, emploi_formation, ressources_dettes, sante_physique, sante_psychique, addictions,
// famille_enfants, administratif, justice.
const PROFILES: { first: Levels; second: Levels }[] = [
  {
    first: L([
      "majeure",
      "difficulte",
      "difficulte",
      "aucune",
      "non_evaluee",
      "difficulte",
      "aucune",
      "difficulte",
      "difficulte",
    ]),
    second: L([
      "difficulte",
      "difficulte",
      "majeure",
      "aucune",
      "difficulte",
      "aucune",
      "aucune",
      "aucune",
      "difficulte",
    ]),
  },
  {
    first: L([
      "aucune",
      "majeure",
      "difficulte",
      "non_evaluee",
      "difficulte",
      "majeure",
      "difficulte",
      "aucune",
      "difficulte",
    ]),
    second: L([
      "aucune",
      "difficulte",
      "difficulte",
      "aucune",
      "majeure",
      "difficulte",
      "difficulte",
      "aucune",
      "aucune",
    ]),
  },
  {
    first: L([
      "difficulte",
      "aucune",
      "aucune",
      "aucune",
      "non_evaluee",
      "non_evaluee",
      "majeure",
      "difficulte",
      "difficulte",
    ]),
    second: L([
      "aucune",
      "aucune",
      "difficulte",
      "aucune",
      "aucune",
      "non_evaluee",
      "difficulte",
      "aucune",
      "difficulte",
    ]),
  },
  {
    first: L([
      "majeure",
      "majeure",
      "majeure",
      "difficulte",
      "difficulte",
      "difficulte",
      "aucune",
      "majeure",
      "difficulte",
    ]),
    second: L([
      "majeure",
      "difficulte",
      "majeure",
      "difficulte",
      "aucune",
      "difficulte",
      "aucune",
      "difficulte",
      "aucune",
    ]),
  },
];

const NEEDS: Record<AssessmentDomain, string> = {
  logement: "Trouver un hébergement stable ; demande d'hébergement à déposer auprès du SIAO.",
  emploi_formation: "Inscription comme demandeur d'emploi, puis orientation vers une formation qualifiante.",
  ressources_dettes:
    "Faire le point sur les dettes (loyers, amendes) ; dossier de surendettement à envisager.",
  sante_physique: "Ouvrir les droits à l'assurance maladie et reprendre un suivi médical.",
  sante_psychique: "Orientation vers le centre médico-psychologique.",
  addictions: "Mettre en place un suivi en addictologie (alcool).",
  famille_enfants: "Soutien à la parentalité ; reprise progressive des liens avec les enfants.",
  administratif: "Renouveler la carte d'identité ; ouvrir les droits auprès de la CAF.",
  justice: "Respect de l'interdiction d'entrer en contact avec la victime ; indemnisation à organiser.",
};

const NOTES: Partial<Record<AssessmentDomain, string>> = {
  logement: "Hébergé chez un ami depuis trois mois, sans bail.",
  ressources_dettes: "Déclare environ 4 000 € de dettes ; justificatifs demandés.",
  famille_enfants: "Deux enfants, résidence chez la mère ; droit de visite non exercé depuis six mois.",
  justice: "Une condamnation ancienne mentionnée par la personne.",
};

async function insertAssessment(
  tx: TenantTx,
  measureId: string,
  authorId: string,
  assessedOn: string,
  levels: Levels,
  summary: string | null,
) {
  const [row] = await tx
    .insert(assessments)
    .values({ measureId, assessedOn, authorId, summary })
    .returning({ id: assessments.id });
  if (!row) return;
  await tx.insert(assessmentDomains).values(
    ASSESSMENT_DOMAINS.map((domain) => {
      const level = levels[domain];
      const hard = level === "difficulte" || level === "majeure";
      return {
        assessmentId: row.id,
        domain,
        level,
        needs: hard ? NEEDS[domain] : null,
        notes: hard ? (NOTES[domain] ?? null) : null,
      };
    }),
  );
}

/* ------------------------------------------------------------------ */
/* Action plans                                                         */
/* ------------------------------------------------------------------ */

interface DemoAction {
  description: string;
  partner?: PartnerKind;
  /** Days from today (negative: in the past). */
  due: number;
  status: PlanStatus;
  reason?: string;
}

interface DemoObjective {
  domain: PlanDomain;
  title: string;
  status: PlanStatus;
  due?: number;
  actions: DemoAction[];
}

const OBJECTIVES: DemoObjective[] = [
  {
    domain: "hebergement",
    title: "Trouver un hébergement stable",
    status: "en_cours",
    due: 60,
    actions: [
      {
        description: "Déposer une demande d'hébergement au SIAO",
        partner: "service_social",
        due: -20,
        status: "atteint",
      },
      { description: "Visiter la résidence sociale", partner: "hebergement", due: -4, status: "a_faire" },
    ],
  },
  {
    domain: "emploi",
    title: "Reprendre une activité professionnelle",
    status: "en_cours",
    actions: [
      { description: "S'inscrire comme demandeur d'emploi", partner: "emploi", due: -25, status: "atteint" },
      { description: "Participer à l'atelier CV", partner: "emploi", due: 9, status: "en_cours" },
    ],
  },
  {
    domain: "soins",
    title: "Engager un suivi en addictologie",
    status: "en_cours",
    due: 45,
    actions: [
      { description: "Premier rendez-vous au CSAPA", partner: "soins", due: -11, status: "en_cours" },
      { description: "Bilan avec le médecin traitant", due: 21, status: "a_faire" },
    ],
  },
  {
    domain: "administratif",
    title: "Refaire les papiers d'identité",
    status: "atteint",
    actions: [{ description: "Demander une carte d'identité en mairie", due: -15, status: "atteint" }],
  },
  {
    domain: "ressources",
    title: "Stabiliser le budget",
    status: "a_faire",
    due: 90,
    actions: [
      {
        description: "Préparer le dossier de surendettement avec l'assistante sociale",
        partner: "service_social",
        due: 6,
        status: "a_faire",
      },
    ],
  },
  {
    domain: "formation",
    title: "Entrer en formation qualifiante",
    status: "en_cours",
    actions: [
      {
        description: "Assister à l'information collective de l'organisme de formation",
        partner: "association",
        due: -18,
        status: "abandonne",
        reason: "La personne a trouvé un emploi saisonnier : la formation est reportée à l'automne.",
      },
      {
        description: "Reprendre contact avec l'organisme de formation",
        partner: "association",
        due: 5,
        status: "a_faire",
      },
    ],
  },
];

async function insertPlan(
  tx: TenantTx,
  measure: { id: string; receivedDate: string; referentId: string },
  rank: number,
  today: string,
  partnerOf: (kind: PartnerKind) => string | null,
) {
  const picks = rank % 2 === 0 ? [rank, rank + 2, rank + 5] : [rank, rank + 3];
  const notBefore = (date: string) =>
    date < measure.receivedDate ? addCalendarDays(measure.receivedDate, 3) : date;
  for (const pick of picks) {
    const template = OBJECTIVES[pick % OBJECTIVES.length];
    if (!template) continue;
    const [objective] = await tx
      .insert(planObjectives)
      .values({
        measureId: measure.id,
        domain: template.domain,
        title: template.title,
        status: template.status,
        dueDate: template.due === undefined ? null : notBefore(addCalendarDays(today, template.due)),
        createdBy: measure.referentId,
      })
      .returning({ id: planObjectives.id });
    if (!objective) continue;
    await tx.insert(planActions).values(
      template.actions.map((a) => {
        const dueDate = notBefore(addCalendarDays(today, a.due));
        const doneOn = a.status === "atteint" ? (dueDate < today ? dueDate : today) : null;
        return {
          objectiveId: objective.id,
          description: a.description,
          partnerId: a.partner ? partnerOf(a.partner) : null,
          dueDate,
          status: a.status,
          statusReason: a.reason ?? null,
          doneOn,
        };
      }),
    );
  }
}

/**
 * The partners' directory of both demo associations, and for most of their open measures one or
 * two assessments (the second showing changes) and, for measures followed for a month or more, an
 * action plan of two or three objectives (some actions overdue, one abandoned with its reason).
 */
export async function seedDemoAssessmentsAndPlans(db: Db, ctx: DemoContext): Promise<void> {
  const { accounts, today } = ctx;
  const associations = [
    {
      id: accounts.associationIds.gironde,
      userId: ctx.userId("direction@demo.parcours.fr"),
      partners: partnerRows(GIRONDE_PARTNERS, 20),
    },
    {
      id: accounts.associationIds.moselle,
      userId: ctx.userId("direction2@demo.parcours.fr"),
      partners: partnerRows(MOSELLE_PARTNERS, 40),
    },
  ];
  for (const association of associations) {
    await withTenant(db, { userId: association.userId, associationId: association.id }, async (tx) => {
      const inserted = await tx
        .insert(partners)
        .values(association.partners)
        .returning({ id: partners.id, kind: partners.kind });
      const partnerOf = (kind: PartnerKind) => inserted.find((p) => p.kind === kind)?.id ?? null;

      const open = await tx
        .select({ id: measures.id, receivedDate: measures.receivedDate, referentId: measures.referentId })
        .from(measures)
        .where(ne(measures.status, "cloturee"))
        .orderBy(asc(measures.receivedDate), asc(measures.number));
      let planRank = 0;
      for (const [i, measure] of open.entries()) {
        const age = daysBetween(measure.receivedDate, today);
        if (age < 14 || i % 5 === 4) continue;
        const profile = PROFILES[i % PROFILES.length];
        if (!profile) continue;
        const first = addCalendarDays(measure.receivedDate, 7 + (i % 4));
        await insertAssessment(
          tx,
          measure.id,
          measure.referentId,
          first,
          profile.first,
          "Premier bilan de la situation, à partir des entretiens et des pièces fournies.",
        );
        if (age >= 50) {
          const second = addCalendarDays(today, -(3 + (i % 10)));
          await insertAssessment(
            tx,
            measure.id,
            measure.referentId,
            second > first ? second : today,
            profile.second,
            "Point d'étape : des démarches ont abouti, d'autres difficultés sont apparues.",
          );
        }
        if (age >= 30 && i % 3 !== 2) {
          await insertPlan(tx, measure, planRank, today, partnerOf);
          planRank++;
        }
      }
    });
  }
}
