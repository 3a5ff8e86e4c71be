import { PDFDocument, StandardFonts } from "pdf-lib";
import { newTrackingToken } from "../cnc/queries.ts";
import { CANDIDACY_PIECES, type ExerciseMode, type ExperienceField, type Mention } from "../cnc/reference.ts";
import {
  addDays,
  addMonths,
  type CandidacyStatus,
  candidacyFeeCents,
  type DossierContext,
  isPieceRequired,
} from "../cnc/rules.ts";
import {
  cncCandidacies,
  cncCandidates,
  cncCommissionMembers,
  cncCommissions,
  cncContests,
  cncDecisions,
  cncExperiences,
  cncPieces,
  type DecisionOutcome,
  type OldCertificate,
} from "../cnc/tables.ts";
import type { Db, Tx } from "../platform/db.ts";
import type { DemoContext } from "./context.ts";

/** A one-page PDF saying it is a fictitious document, for the pieces uploaded in the demo. */
async function demoPdf(title: string): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage([595, 842]);
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  page.drawText(title, { x: 56, y: 770, size: 16, font });
  page.drawText("Document fictif de démonstration – Parcours", { x: 56, y: 740, size: 11, font });
  return Buffer.from(await pdf.save());
}

interface DemoCandidacy {
  mention: Mention;
  mode: ExerciseMode;
  status: CandidacyStatus;
  feePaid: boolean;
  /** Required pieces left out (the others are provided). */
  missing?: string[];
  /** No piece at all (a draft). */
  nothing?: boolean;
  dispenses?: string[];
  allegements?: string[];
  presented?: boolean;
  decision?: {
    outcome: DecisionOutcome;
    dispensed?: string[];
    alleged?: string[];
    comment?: string;
    internshipDispensed?: boolean;
    theoryHoursDue?: number;
  };
  contest?: { reason: string; interview: boolean };
}

interface DemoCandidate {
  lastName: string;
  firstName: string;
  age: number;
  city: string;
  postalCode: string;
  oldCertificate?: OldCertificate;
  socialWorkDiploma?: string;
  level5Diploma?: boolean;
  otherDiplomas?: string;
  experiences: {
    monthsAgo: number;
    untilMonthsAgo?: number;
    employer: string;
    tutelary: boolean;
    field?: ExperienceField;
  }[];
  candidacies: DemoCandidacy[];
}

const CANDIDATES: DemoCandidate[] = [
  {
    lastName: "Marchal",
    firstName: "Élodie",
    age: 47,
    city: "Libourne",
    postalCode: "33500",
    oldCertificate: "TMP",
    level5Diploma: true,
    otherDiplomas: "BTS Économie sociale familiale (fictif)",
    experiences: [{ monthsAgo: 120, employer: "Service mandataire fictif du Libournais", tutelary: true }],
    candidacies: [{ mention: "MJPM", mode: "salarie_service", status: "complet", feePaid: true }],
  },
  {
    lastName: "Rocher",
    firstName: "Julien",
    age: 34,
    city: "Pessac",
    postalCode: "33600",
    level5Diploma: true,
    otherDiplomas: "DUT Carrières sociales (fictif)",
    experiences: [
      { monthsAgo: 26, employer: "EHPAD fictif Les Tilleuls", tutelary: true },
      {
        monthsAgo: 60,
        untilMonthsAgo: 27,
        employer: "Centre communal d'action sociale fictif",
        tutelary: false,
      },
    ],
    candidacies: [
      {
        mention: "MJPM",
        mode: "prepose_etablissement",
        status: "en_commission",
        feePaid: true,
        dispenses: ["1.2"],
        presented: true,
      },
      {
        mention: "MAJ",
        mode: "prepose_etablissement",
        status: "incomplet",
        feePaid: false,
        missing: ["cv", "funding_commitment"],
      },
    ],
  },
  {
    lastName: "Vasseur",
    firstName: "Léa",
    age: 23,
    city: "Mérignac",
    postalCode: "33700",
    level5Diploma: true,
    experiences: [{ monthsAgo: 14, employer: "Association tutélaire fictive", tutelary: false }],
    candidacies: [
      { mention: "MJPM", mode: "mandataire_prive", status: "brouillon", feePaid: false, nothing: true },
    ],
  },
  {
    lastName: "Haddad",
    firstName: "Karim",
    age: 38,
    city: "Metz",
    postalCode: "57000",
    socialWorkDiploma: "Diplôme d'État de conseiller en économie sociale familiale",
    experiences: [
      { monthsAgo: 40, untilMonthsAgo: 2, employer: "Caisse fictive d'allocations", tutelary: false },
    ],
    candidacies: [
      {
        mention: "MJAGBF",
        mode: "salarie_service",
        status: "incomplet",
        feePaid: true,
        missing: ["cv", "funding_commitment"],
      },
    ],
  },
  {
    lastName: "Morel",
    firstName: "Sandrine",
    age: 42,
    city: "Arcachon",
    postalCode: "33120",
    socialWorkDiploma: "Diplôme d'État d'assistant de service social",
    level5Diploma: true,
    experiences: [{ monthsAgo: 9, employer: "Service fictif de protection des majeurs", tutelary: true }],
    candidacies: [
      {
        mention: "MAJ",
        mode: "salarie_service",
        status: "admis",
        feePaid: true,
        dispenses: ["1.1", "1.2"],
        presented: true,
        decision: {
          outcome: "admis",
          dispensed: ["1.1", "1.2"],
          comment: "Dispenses accordées au vu du programme du diplôme d'État d'assistant de service social.",
          internshipDispensed: true,
          theoryHoursDue: 180 - 24 - 36,
        },
      },
    ],
  },
  {
    lastName: "Colin",
    firstName: "Bernard",
    age: 51,
    city: "Thionville",
    postalCode: "57100",
    level5Diploma: true,
    experiences: [{ monthsAgo: 30, employer: "Cabinet comptable fictif", tutelary: false, field: "gestion" }],
    candidacies: [
      {
        mention: "MJPM",
        mode: "mandataire_prive",
        status: "entretien_planifie",
        feePaid: true,
        presented: true,
        decision: {
          outcome: "refuse",
          comment:
            "Expérience de 2 ans et 6 mois dans un domaine nécessaire à l'exercice des fonctions : 3 ans sont exigés d'un mandataire privé.",
        },
        contest: {
          reason: "Je souhaite faire valoir une activité bénévole de gestion budgétaire antérieure.",
          interview: true,
        },
      },
    ],
  },
  {
    lastName: "Ferhat",
    firstName: "Nadia",
    age: 36,
    city: "Bordeaux",
    postalCode: "33000",
    socialWorkDiploma: "Diplôme d'État d'éducateur spécialisé",
    experiences: [
      { monthsAgo: 48, employer: "Maison départementale fictive des solidarités", tutelary: false },
    ],
    candidacies: [
      {
        mention: "MJAGBF",
        mode: "mandataire_prive",
        status: "positionne",
        feePaid: true,
        dispenses: ["1.2"],
        allegements: ["1.3"],
        presented: true,
        decision: {
          outcome: "positionne",
          dispensed: ["1.2"],
          alleged: ["1.3"],
          comment: "Allègement du module 1.3 : les épreuves de certification demeurent.",
          internshipDispensed: false,
          theoryHoursDue: 180 - 48,
        },
      },
    ],
  },
];

/** Fictitious CNC candidates across the statuses and mentions, and one commission with its members. */
export async function seedDemoCnc(db: Db, ctx: DemoContext): Promise<void> {
  const today = ctx.today;
  const createdBy = ctx.userId("formation@demo.parcours.fr");
  const pdf = await demoPdf("Pièce du dossier de candidature");
  await db.transaction(async (tx) => {
    const [commission] = await tx
      .insert(cncCommissions)
      .values({ meetsOn: addDays(today, -14), place: "Centre de formation fictif, Bordeaux", createdBy })
      .returning({ id: cncCommissions.id });
    if (!commission) throw new Error("demo commission not created");
    const members = await tx
      .insert(cncCommissionMembers)
      .values([
        {
          commissionId: commission.id,
          name: "Anne-Sophie Delmas",
          role: "training_body" as const,
          position: 0,
        },
        {
          commissionId: commission.id,
          name: "Jean-Marc Olivier",
          role: "head_of_judicial_trainings" as const,
          position: 1,
        },
        { commissionId: commission.id, name: "Patricia Lemaire", role: "professional" as const, position: 2 },
        { commissionId: commission.id, name: "Yves Le Bihan", role: "professional" as const, position: 3 },
      ])
      .returning({ id: cncCommissionMembers.id, role: cncCommissionMembers.role });
    const head = members.find((m) => m.role === "head_of_judicial_trainings");

    for (const [index, c] of CANDIDATES.entries()) {
      await seedCandidate(tx, c, index, {
        today,
        createdBy,
        commissionId: commission.id,
        headId: head?.id,
        pdf,
      });
    }
  });
}

async function seedCandidate(
  tx: Tx,
  c: DemoCandidate,
  index: number,
  env: { today: string; createdBy: string; commissionId: string; headId: string | undefined; pdf: Buffer },
): Promise<void> {
  const { today } = env;
  const slug = `${c.firstName}.${c.lastName}`
    .normalize("NFD")
    .replace(/[^\x20-\x7e]/g, "")
    .toLowerCase();
  const [candidate] = await tx
    .insert(cncCandidates)
    .values({
      lastName: c.lastName,
      firstName: c.firstName,
      // A birthday spread over the year, the age reached some months ago.
      birthDate: addDays(addMonths(today, -(c.age * 12) - 2 - index), -index),
      email: `${slug}@exemple.invalid`,
      phone: `06 39 98 0${index} ${10 + index}`, // 06 39 98: range reserved for fiction
      addressLine: `${index + 3} rue de la Démonstration`,
      postalCode: c.postalCode,
      city: c.city,
      oldCertificate: c.oldCertificate ?? null,
      hasSocialWorkDiploma: c.socialWorkDiploma !== undefined,
      socialWorkDiplomaTitle: c.socialWorkDiploma ?? null,
      hasLevel5Diploma: c.level5Diploma === true,
      otherDiplomas: c.otherDiplomas ?? null,
      createdBy: env.createdBy,
    })
    .returning({ id: cncCandidates.id });
  if (!candidate) throw new Error("demo candidate not created");
  await tx.insert(cncExperiences).values(
    c.experiences.map((e) => ({
      candidateId: candidate.id,
      fromDate: addMonths(today, -e.monthsAgo),
      toDate: e.untilMonthsAgo === undefined ? null : addMonths(today, -e.untilMonthsAgo),
      employer: e.employer,
      tutelary: e.tutelary,
      // The job's field as the candidate would declare it: tutelary work, else the employer's sector.
      field: e.field ?? (e.tutelary ? "tutelaire" : "social"),
    })),
  );
  const exercisingTutelary = c.experiences.some((e) => e.tutelary && e.untilMonthsAgo === undefined);

  for (const k of c.candidacies) {
    const [candidacy] = await tx
      .insert(cncCandidacies)
      .values({
        candidateId: candidate.id,
        mention: k.mention,
        mode: k.mode,
        status: k.status,
        feeCents: candidacyFeeCents(c.oldCertificate !== undefined),
        feePaidOn: k.feePaid ? addDays(today, -40 + index) : null,
        requestedDispenses: k.dispenses ?? [],
        requestedAllegements: k.allegements ?? [],
        trackingToken: newTrackingToken(),
        commissionId: k.presented ? env.commissionId : null,
        presentedAt: k.presented ? new Date(`${addDays(today, -20)}T09:00:00Z`) : null,
        createdBy: env.createdBy,
      })
      .returning({ id: cncCandidacies.id });
    if (!candidacy) throw new Error("demo candidacy not created");

    const context: DossierContext = {
      exercisingTutelary,
      requestsAllegement: (k.allegements ?? []).length > 0,
      requestsDispense: (k.dispenses ?? []).length > 0,
    };
    const pieces = k.nothing
      ? []
      : CANDIDACY_PIECES.filter(
          (p) =>
            p.code !== "fee_payment" && isPieceRequired(p, context) && !(k.missing ?? []).includes(p.code),
        );
    if (pieces.length > 0) {
      await tx.insert(cncPieces).values(
        pieces.map((p, i) => ({
          candidacyId: candidacy.id,
          code: p.code,
          provided: true,
          // A few pieces were uploaded, the others received on paper.
          ...(i < 2
            ? {
                filename: `${p.code.replace(/_/g, "-")}-${c.lastName.toLowerCase()}.pdf`,
                mimeType: "application/pdf",
                size: env.pdf.length,
                content: env.pdf,
                providedBy: i === 0 ? ("candidat" as const) : ("service" as const),
              }
            : {}),
          providedAt: new Date(`${addDays(today, -45 + i)}T10:00:00Z`),
        })),
      );
    }

    if (k.decision) {
      const [decision] = await tx
        .insert(cncDecisions)
        .values({
          candidacyId: candidacy.id,
          commissionId: env.commissionId,
          outcome: k.decision.outcome,
          dispensedModules: k.decision.dispensed ?? [],
          allegedModules: k.decision.alleged ?? [],
          entryDate: k.decision.outcome === "refuse" ? null : addDays(today, 21),
          internshipDispensed: k.decision.internshipDispensed ?? false,
          theoryHoursDue: k.decision.theoryHoursDue ?? null,
          comment: k.decision.comment ?? null,
          decidedBy: env.createdBy,
          decidedAt: new Date(`${addDays(today, -14)}T15:00:00Z`),
        })
        .returning({ id: cncDecisions.id });
      if (k.contest && decision) {
        await tx.insert(cncContests).values({
          candidacyId: candidacy.id,
          decisionId: decision.id,
          contestedOn: addDays(today, -7),
          reason: k.contest.reason,
          source: "candidat",
          interviewOn: k.contest.interview ? addDays(today, 10) : null,
          interviewMemberId: k.contest.interview ? (env.headId ?? null) : null,
        });
      }
    }
  }
}
