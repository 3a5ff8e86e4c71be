import { and, eq } from "drizzle-orm";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { users } from "../accounts/tables.ts";
import { issueCertificate, traineeName } from "../cisj/queries.ts";
import { cisjDossiers, cisjEquivalences, cisjJuryMembers } from "../cisj/tables.ts";
import type { Db, Queryable } from "../platform/db.ts";
import { MEMOIRE_PARTS, TRAINING_CATEGORY_CODES, type TrainingCategory } from "../training/reference.ts";
import { trainingDaysToHours } from "../training/rules.ts";
import { enrolments, trainingSessions, trainings } from "../training/tables.ts";
import type { DemoContext } from "./context.ts";

/** Fictitious trainings of the CISJ, added only when the catalogue lacks trainings of a category. */
const DEMO_TRAININGS: { code: string; title: string; category: TrainingCategory; days: number }[] = [
  {
    code: "DEMO-TC1",
    title: "Le cadre juridique de l'intervention socio-judiciaire",
    category: "TC",
    days: 3,
  },
  { code: "DEMO-TC2", title: "La procédure pénale et la chaîne pénale", category: "TC", days: 3 },
  { code: "DEMO-TC3", title: "L'entretien socio-judiciaire", category: "TC", days: 4 },
  { code: "DEMO-TC4", title: "L'écrit professionnel destiné au magistrat", category: "TC", days: 3 },
  {
    code: "DEMO-TC5",
    title: "Éthique et posture de l'intervenant socio-judiciaire",
    category: "TC",
    days: 2,
  },
  { code: "DEMO-MSJ1", title: "Le contrôle judiciaire socio-éducatif", category: "MSJ", days: 3 },
  { code: "DEMO-MSJ2", title: "L'enquête de personnalité", category: "MSJ", days: 4 },
  { code: "DEMO-MSJ3", title: "La médiation pénale", category: "MSJ", days: 4 },
  { code: "DEMO-TR1", title: "Addictions et justice", category: "TR", days: 2 },
  { code: "DEMO-TR2", title: "Violences au sein du couple", category: "TR", days: 3 },
  { code: "DEMO-TR3", title: "Santé mentale et justice", category: "TR", days: 2 },
];

/** How many trainings of each category the demo paths use. */
const NEEDED: Record<TrainingCategory, number> = { TC: 5, MSJ: 3, TR: 3 };

export type Catalogue = Record<TrainingCategory, { id: string; code: string; hours: number }[]>;

/** The CISJ trainings of the catalogue, completed with fictitious ones where a category has too few. */
export async function ensureCisjCatalogue(db: Db): Promise<Catalogue> {
  const read = async (): Promise<Catalogue> => {
    const rows = await db
      .select({
        id: trainings.id,
        code: trainings.code,
        hours: trainings.hours,
        category: trainings.category,
      })
      .from(trainings)
      .where(eq(trainings.countsForCisj, true))
      .orderBy(trainings.code);
    const out: Catalogue = { TC: [], MSJ: [], TR: [] };
    for (const r of rows) out[r.category].push(r);
    return out;
  };
  let catalogue = await read();
  const missing = TRAINING_CATEGORY_CODES.filter((c) => catalogue[c].length < NEEDED[c]);
  if (missing.length > 0) {
    await db
      .insert(trainings)
      .values(
        DEMO_TRAININGS.filter((t) => missing.includes(t.category)).map((t) => ({
          code: t.code,
          title: t.title,
          category: t.category,
          durationDays: t.days,
          hours: trainingDaysToHours(t.days),
          objectives: "Formation fictive des données de démonstration.",
        })),
      )
      .onConflictDoNothing();
    catalogue = await read();
  }
  return catalogue;
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export interface PastTraining {
  trainingId: string;
  startsOn: string;
  /** Score at the knowledge test; null with `refused` for a refused test. */
  score: number | null;
  refused?: boolean;
}

/**
 * Past sessions followed by a trainee, with their outcome (test from 2012 on): one ended session per
 * training, created for the purpose.
 */
export async function followPastTrainings(
  db: Queryable,
  trainee: { id: string; associationId: string | null },
  list: readonly PastTraining[],
): Promise<void> {
  for (const t of list) {
    const endsOn = addDays(t.startsOn, 2);
    const [session] = await db
      .insert(trainingSessions)
      .values({
        trainingId: t.trainingId,
        startsOn: t.startsOn,
        endsOn,
        place: "Paris",
        trainers: "Équipe pédagogique (démonstration)",
        capacity: 16,
        status: "terminee",
      })
      .returning({ id: trainingSessions.id });
    if (!session) throw new Error("session not created");
    const validated = !t.refused && t.score !== null && t.score >= 50;
    await db.insert(enrolments).values({
      sessionId: session.id,
      traineeId: trainee.id,
      associationId: trainee.associationId,
      status: "inscrit",
      funding: "plan_competences",
      attendanceRate: 100,
      testScore: t.refused ? null : t.score,
      testRefused: Boolean(t.refused),
      validated,
      validationBasis: validated ? "test" : null,
      validatedOn: validated ? endsOn : null,
    });
  }
}

/** A PDF of `pages` pages standing for a mémoire (fictitious text). */
export async function demoMemoirePdf(
  pages: number,
  title = "Mémoire CISJ (exemple fictif)",
): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.setTitle(title);
  for (let i = 1; i <= pages; i += 1) {
    const page = doc.addPage([595, 842]);
    page.drawText(title, { x: 60, y: 780, size: 16, font });
    const part = MEMOIRE_PARTS[(i - 1) % MEMOIRE_PARTS.length];
    page.drawText(part ? part.label.replace(/[’œ]/g, "'") : "", { x: 60, y: 740, size: 11, font });
    page.drawText(`Page ${i} sur ${pages}`, { x: 60, y: 60, size: 9, font });
  }
  return Buffer.from(await doc.save());
}

async function account(db: Db, id: string) {
  const [row] = await db
    .select({
      id: users.id,
      firstName: users.firstName,
      lastName: users.lastName,
      associationId: users.associationId,
    })
    .from(users)
    .where(eq(users.id, id));
  if (!row) throw new Error("demo account missing");
  return row;
}

function pick(catalogue: Catalogue, category: TrainingCategory, n: number): string[] {
  return catalogue[category].slice(0, n).map((t) => t.id);
}

/**
 * The CISJ in the demo: Karim Benali certified (certificate CISJ-2025-00001), Sophie Nguyen with nine
 * trainings and an équivalence, her dossier open with a mémoire of 20 pages, and Inès Martin on her way
 * (unless the training demo already gave her validated trainings).
 */
export async function seedDemoCisj(db: Db, ctx: DemoContext): Promise<void> {
  const catalogue = await ensureCisjCatalogue(db);
  const formationId = ctx.userId("formation@demo.parcours.fr");

  // Karim Benali: the whole path from 2022 to 2024, certified in June 2025. The demo paths avoid the years
  // 2018–2021, whose sessions reproduce the published test figures (see demo/training.ts).
  const karim = await account(db, ctx.userId("intervenant.mineurs@demo.parcours.fr"));
  const karimTrainings = [
    ...pick(catalogue, "TC", 5),
    ...pick(catalogue, "MSJ", 2),
    ...pick(catalogue, "TR", 2),
  ];
  await followPastTrainings(
    db,
    karim,
    karimTrainings.map((trainingId, i) => ({
      trainingId,
      startsOn: `${2022 + Math.floor(i / 3)}-${["02", "06", "10"][i % 3]}-1${i % 3}`,
      score: 62 + ((i * 7) % 30),
    })),
  );
  await db.transaction(async (tx) => {
    const [dossier] = await tx
      .insert(cisjDossiers)
      .values({
        traineeId: karim.id,
        status: "certifie",
        openedAt: new Date("2024-09-16T09:00:00Z"),
        openedBy: karim.id,
        memoireContent: await demoMemoirePdf(18, "Mémoire de Karim Benali (fictif)"),
        memoireFilename: "memoire-karim-benali.pdf",
        memoirePages: 18,
        memoireUploadedAt: new Date("2025-03-03T10:00:00Z"),
        memoireUploadedBy: karim.id,
        checkedParts: MEMOIRE_PARTS.map((p) => p.code),
        soutenanceDate: "2025-06-12",
        decision: "admis",
        decisionComment: "Analyse critique remarquable de l'accompagnement d'un mineur.",
        decidedOn: "2025-06-12",
        decidedBy: formationId,
      })
      .returning({ id: cisjDossiers.id });
    if (!dossier) throw new Error("dossier not created");
    await tx.insert(cisjJuryMembers).values([
      { dossierId: dossier.id, position: 1, name: "Mme Odile Marchand", role: "Juge des enfants (fictive)" },
      {
        dossierId: dossier.id,
        position: 2,
        name: "M. Paul Lefort",
        role: "Directeur d'un service socio-judiciaire (fictif)",
      },
      {
        dossierId: dossier.id,
        position: 3,
        name: "Mme Lina Haddad",
        role: "Formatrice, service Formation de la fédération (fictive)",
      },
    ]);
    await issueCertificate(tx, {
      dossierId: dossier.id,
      traineeId: karim.id,
      holderName: traineeName(karim),
      issuedOn: "2025-06-12",
    });
  });

  // Sophie Nguyen: 5 TC, 3 MSJ (one more than required), 1 TR followed, 1 TR by équivalence.
  const sophie = await account(db, ctx.userId("intervenant.adultes@demo.parcours.fr"));
  const sophieFollowed = [
    ...pick(catalogue, "TC", 5),
    ...pick(catalogue, "MSJ", 3),
    ...pick(catalogue, "TR", 1),
  ];
  await followPastTrainings(
    db,
    sophie,
    sophieFollowed.map((trainingId, i) => ({
      trainingId,
      startsOn: `${2022 + Math.floor(i / 3)}-0${(i % 3) * 3 + 2}-0${(i % 4) + 3}`,
      score: 55 + ((i * 11) % 40),
    })),
  );
  const equivalent = catalogue.TR[1] ?? catalogue.TR[0];
  if (equivalent) {
    await db.insert(cisjEquivalences).values({
      traineeId: sophie.id,
      trainingId: equivalent.id,
      reason: "Diplôme universitaire équivalent obtenu en 2022 (exemple fictif)",
      grantedOn: "2025-11-04",
      grantedBy: formationId,
    });
  }
  await db.insert(cisjDossiers).values({
    traineeId: sophie.id,
    status: "memoire_depose",
    openedAt: new Date("2025-11-04T14:00:00Z"),
    openedBy: sophie.id,
    memoireContent: await demoMemoirePdf(20, "Mémoire de Sophie Nguyen (fictif)"),
    memoireFilename: "memoire-sophie-nguyen.pdf",
    memoirePages: 20,
    memoireUploadedAt: new Date("2026-01-19T16:30:00Z"),
    memoireUploadedBy: sophie.id,
    checkedParts: MEMOIRE_PARTS.slice(0, 6).map((p) => p.code),
  });

  // Inès Martin: on her way, unless the training demo already gave her a path.
  const ines = await account(db, ctx.userId("intervenant@demo.parcours.fr"));
  const [already] = await db
    .select({ id: enrolments.id })
    .from(enrolments)
    .where(and(eq(enrolments.traineeId, ines.id), eq(enrolments.validated, true)))
    .limit(1);
  if (!already) {
    const [tc1, tc2, tc3, tc4] = pick(catalogue, "TC", 4);
    const [msj1] = pick(catalogue, "MSJ", 1);
    const [tr1] = pick(catalogue, "TR", 1);
    const list: PastTraining[] = [];
    if (tc1) list.push({ trainingId: tc1, startsOn: "2023-02-06", score: 75 });
    if (tc2) list.push({ trainingId: tc2, startsOn: "2023-09-18", score: 58 });
    if (msj1) list.push({ trainingId: msj1, startsOn: "2024-04-08", score: 81 });
    if (tr1) list.push({ trainingId: tr1, startsOn: "2024-11-25", score: 66 });
    if (tc3) list.push({ trainingId: tc3, startsOn: "2025-05-12", score: 42 });
    if (tc4) list.push({ trainingId: tc4, startsOn: "2025-10-06", score: null, refused: true });
    await followPastTrainings(db, ines, list);
  }
}
