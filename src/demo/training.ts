import { randomBytes } from "node:crypto";
import { users } from "../accounts/tables.ts";
import { knowledgeTestQuestions, knowledgeTests } from "../knowledge-tests/tables.ts";
import { hashPassword } from "../platform/auth.ts";
import type { Db } from "../platform/db.ts";
import { validationColumns } from "../training/queries.ts";
import type { TrainingCategory } from "../training/reference.ts";
import { trainingDaysToHours } from "../training/rules.ts";
import { enrolments, trainingSessions, trainings } from "../training/tables.ts";
import type { DemoContext } from "./context.ts";

/*
 * Demo data of the training service. Everything here is fictitious: the catalogue is plausible for
 * the socio-judicial field but is not the federation's catalogue; the trainees "stagiaire.NN" do not
 * exist. The historical sessions of 2018 to 2021 are sized so that the statistics page shows the
 * figures the federation published for those years (77 % of tests passed in 2021; refusals 31 % in
 * 2018, 25 % in 2019, 18 % in 2020, 22 % in 2021).
 */

interface DemoTraining {
  code: string;
  title: string;
  category: TrainingCategory;
  days: number;
  objectives: string;
  countsForCisj?: boolean;
}

export const DEMO_CATALOGUE: readonly DemoTraining[] = [
  {
    code: "TC01",
    title: "Le cadre juridique et la chaîne pénale",
    category: "TC",
    days: 3,
    objectives:
      "Situer l'intervention socio-judiciaire dans la procédure pénale, de l'enquête à l'exécution de la peine.\nConnaître les acteurs de la chaîne pénale et leurs rôles.",
  },
  {
    code: "TC02",
    title: "L'entretien socio-judiciaire",
    category: "TC",
    days: 3,
    objectives:
      "Conduire un entretien dans un cadre contraint.\nRecueillir et vérifier les informations utiles au magistrat.",
  },
  {
    code: "TC03",
    title: "L'écrit professionnel au magistrat",
    category: "TC",
    days: 2,
    objectives:
      "Rédiger un rapport clair, argumenté et utile à la décision.\nDistinguer les faits, leur analyse et les propositions.",
  },
  {
    code: "TC04",
    title: "Posture professionnelle et éthique de l'intervention",
    category: "TC",
    days: 2,
    objectives:
      "Construire une posture professionnelle entre aide et contrôle.\nRepérer les enjeux éthiques et le cadre du secret professionnel.",
  },
  {
    code: "TC05",
    title: "Approches criminologiques du passage à l'acte",
    category: "TC",
    days: 3,
    objectives: "Connaître les principaux modèles d'analyse du passage à l'acte et de la désistance.",
  },
  {
    code: "TC06",
    title: "Le travail en réseau et le partenariat",
    category: "TC",
    days: 2,
    objectives: "Identifier les partenaires du territoire et organiser l'orientation des personnes suivies.",
  },
  {
    code: "MSJ01",
    title: "Le contrôle judiciaire socio-éducatif",
    category: "MSJ",
    days: 3,
    objectives: "Mettre en œuvre un contrôle judiciaire socio-éducatif, de la saisine au rapport final.",
  },
  {
    code: "MSJ02",
    title: "L'enquête de personnalité",
    category: "MSJ",
    days: 3,
    objectives: "Conduire l'enquête de personnalité et rédiger le rapport destiné au juge d'instruction.",
  },
  {
    code: "MSJ03",
    title: "La médiation pénale",
    category: "MSJ",
    days: 5,
    objectives: "Préparer et conduire une médiation pénale entre l'auteur et la victime.",
  },
  {
    code: "MSJ04",
    title: "Le placement à l'extérieur",
    category: "MSJ",
    days: 2,
    objectives: "Accompagner une personne condamnée en placement à l'extérieur et préparer sa sortie.",
  },
  {
    code: "MSJ05",
    title: "La réparation pénale",
    category: "MSJ",
    days: 3,
    objectives: "Conduire une mesure de réparation pénale auprès d'un mineur et de sa famille.",
  },
  {
    code: "MSJ06",
    title: "L'enquête sociale rapide",
    category: "MSJ",
    days: 2,
    objectives: "Réaliser une enquête sociale rapide dans les délais d'une procédure de comparution.",
  },
  {
    code: "MSJ07",
    title: "Le stage de citoyenneté",
    category: "MSJ",
    days: 2,
    objectives: "Concevoir et animer un stage de citoyenneté.",
  },
  {
    code: "TR01",
    title: "Addictions et accompagnement socio-judiciaire",
    category: "TR",
    days: 2,
    objectives: "Repérer les conduites addictives et orienter vers les dispositifs de soin.",
  },
  {
    code: "TR02",
    title: "Violences conjugales et intrafamiliales",
    category: "TR",
    days: 3,
    objectives: "Comprendre les mécanismes des violences conjugales et évaluer le danger.",
  },
  {
    code: "TR03",
    title: "Santé mentale et troubles psychiques",
    category: "TR",
    days: 2,
    objectives: "Repérer les troubles psychiques et travailler avec les équipes de psychiatrie.",
  },
  {
    code: "TR04",
    title: "Accès aux droits",
    category: "TR",
    days: 2,
    objectives: "Accompagner l'accès aux droits sociaux, au logement et à la santé.",
  },
  {
    code: "TR05",
    title: "Laïcité et prévention de la radicalisation",
    category: "TR",
    days: 2,
    objectives: "Connaître le principe de laïcité et repérer les signes de radicalisation.",
  },
  {
    code: "TR06",
    title: "Parentalité et protection de l'enfance",
    category: "TR",
    days: 2,
    objectives:
      "Prendre en compte la parentalité des personnes suivies et les liens avec la protection de l'enfance.",
  },
  {
    code: "TR07",
    title: "Premiers secours en santé mentale",
    category: "TR",
    days: 2,
    objectives: "Apporter une première aide à une personne en crise, en attendant les secours.",
    countsForCisj: false,
  },
];

export interface DemoQuestion {
  prompt: string;
  choices: string[];
  correct: number[];
}

/** The test of TC04, taken online by Inès Martin in the demo (and in the browser test). */
export const DEMO_TEST_TC04: readonly DemoQuestion[] = [
  {
    prompt: "À qui l'intervenant socio-judiciaire rend-il compte du déroulement de la mesure ?",
    choices: [
      "Au magistrat mandant",
      "À la victime",
      "Au maire de la commune",
      "À l'employeur de la personne",
    ],
    correct: [0],
  },
  {
    prompt: "Quelles attitudes relèvent de la posture attendue en entretien ?",
    choices: [
      "Écouter sans juger",
      "Distinguer les faits rapportés de leur interprétation",
      "Donner son avis sur la culpabilité",
      "Promettre une issue favorable à la procédure",
    ],
    correct: [0, 1],
  },
  {
    prompt: "Une personne suivie vous apprend un fait nouveau important pour la mesure. Que faites-vous ?",
    choices: [
      "J'en informe le magistrat mandant",
      "Je n'en tiens pas compte tant qu'il n'est pas prouvé",
      "J'attends la fin de la mesure pour en parler",
    ],
    correct: [0],
  },
  {
    prompt: "À quoi sert l'écrit professionnel adressé au magistrat ?",
    choices: [
      "À éclairer la décision du magistrat",
      "À remplacer la décision du magistrat",
      "À exprimer l'opinion personnelle de l'intervenant sur la peine",
    ],
    correct: [0],
  },
  {
    prompt: "Face à une personne agressive en entretien, quelles réponses sont adaptées ?",
    choices: [
      "Garder une distance et un ton calme",
      "Mettre fin à l'entretien si la sécurité n'est plus assurée",
      "Répondre sur le même ton",
      "Poursuivre l'entretien quoi qu'il arrive",
    ],
    correct: [0, 1],
  },
];

const DEMO_TEST_TC01: readonly DemoQuestion[] = [
  {
    prompt: "Qui décide des poursuites après une infraction ?",
    choices: ["Le procureur de la République", "L'intervenant socio-judiciaire", "La victime seule"],
    correct: [0],
  },
  {
    prompt: "Quelles mesures peuvent être ordonnées avant le jugement ?",
    choices: ["Le contrôle judiciaire", "L'enquête de personnalité", "La libération conditionnelle"],
    correct: [0, 1],
  },
  {
    prompt: "Quel magistrat suit l'exécution des peines en milieu ouvert ?",
    choices: [
      "Le juge de l'application des peines",
      "Le juge aux affaires familiales",
      "Le juge des tutelles",
    ],
    correct: [0],
  },
];

/**
 * Tests taken, passed and refused per year in the historical sessions. The CISJ demo adds a few
 * passed tests in 2019 (2), 2020 (2) and 2021 (5); the figures are chosen so that the published rates
 * come out with or without them: 2021 gives 22 % of refusals (57 of 260, or of 265) and 77 % of tests
 * passed (156 of 203, or 161 of 208).
 */
export const HISTORICAL_OUTCOMES: Record<number, { passed: number; failed: number; refused: number }> = {
  2018: { passed: 50, failed: 19, refused: 31 },
  2019: { passed: 55, failed: 20, refused: 25 },
  2020: { passed: 60, failed: 22, refused: 18 },
  2021: { passed: 156, failed: 47, refused: 57 },
};

const FIRST_NAMES = [
  "Amandine",
  "Baptiste",
  "Camille",
  "Damien",
  "Élodie",
  "Fabien",
  "Gaëlle",
  "Hugo",
  "Isabelle",
  "Jérôme",
  "Laëtitia",
  "Mathieu",
  "Nathalie",
  "Olivier",
  "Pauline",
  "Quentin",
  "Rachida",
  "Sébastien",
  "Tiphaine",
  "Ulysse",
  "Valérie",
  "William",
  "Yasmine",
  "Zacharie",
  "Aurélie",
  "Bastien",
  "Chloé",
  "Driss",
  "Émilie",
  "Florian",
];
const LAST_NAMES = [
  "Arnaud",
  "Bertin",
  "Chevalier",
  "Delorme",
  "Esnault",
  "Fabre",
  "Gauthier",
  "Hamel",
  "Imbert",
  "Joly",
  "Klein",
  "Lemoine",
  "Marchal",
  "Noël",
  "Olivier",
  "Perrot",
  "Quéré",
  "Renaud",
  "Sabatier",
  "Tessier",
  "Urbain",
  "Vasseur",
  "Wagner",
  "Xavier",
  "Yilmaz",
  "Zimmer",
  "Aubry",
  "Blanc",
  "Collin",
  "Dumont",
];

/** Deterministic pseudo-random numbers (mulberry32), so that the demo is the same on every install. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(items: T[], next: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function minDate(a: string, b: string): string {
  return a < b ? a : b;
}

const PLACES = ["Paris", "Lyon", "Bordeaux", "Metz", "Lille", "Marseille", "Rennes", "Toulouse"];
const TRAINERS = [
  "Équipe pédagogique de la fédération",
  "Mme Lina Haddad, formatrice (fictive)",
  "M. Paul Lefort, directeur de service (fictif)",
  "Mme Odile Marchand, magistrate honoraire (fictive)",
];
const FUNDINGS = [
  "plan_competences",
  "plan_competences",
  "plan_competences",
  "france_travail",
  "fonds_personnels",
];

type Outcome =
  | { kind: "passed" | "failed"; score: number; attendance: number }
  | { kind: "refused"; attendance: number }
  | { kind: "attendance"; attendance: number }
  | { kind: "none" };

interface Trainee {
  id: string;
  associationId: string | null;
}

export async function seedDemoTraining(db: Db, ctx: DemoContext): Promise<void> {
  const next = random(2012);

  // The catalogue.
  const inserted = await db
    .insert(trainings)
    .values(
      DEMO_CATALOGUE.map((t) => ({
        code: t.code,
        title: t.title,
        category: t.category,
        durationDays: t.days,
        hours: trainingDaysToHours(t.days),
        objectives: t.objectives,
        countsForCisj: t.countsForCisj ?? true,
      })),
    )
    .returning({ id: trainings.id, code: trainings.code, durationDays: trainings.durationDays });
  const byCode = new Map(inserted.map((t) => [t.code, t]));
  const training = (code: string) => {
    const t = byCode.get(code);
    if (!t) throw new Error(`demo training ${code} missing`);
    return t;
  };
  const cisjCodes = DEMO_CATALOGUE.filter((t) => t.countsForCisj !== false).map((t) => t.code);

  // Knowledge tests written by the training service.
  const formationId = ctx.userId("formation@demo.parcours.fr");
  for (const [code, questions] of [
    ["TC04", DEMO_TEST_TC04],
    ["TC01", DEMO_TEST_TC01],
  ] as const) {
    const [test] = await db
      .insert(knowledgeTests)
      .values({ trainingId: training(code).id, createdBy: formationId })
      .returning({ id: knowledgeTests.id });
    if (!test) throw new Error("demo test not created");
    await db.insert(knowledgeTestQuestions).values(
      questions.map((q, i) => ({
        testId: test.id,
        position: i + 1,
        prompt: q.prompt,
        choices: [...q.choices],
        correct: [...q.correct],
      })),
    );
  }

  const enrolmentRows: (typeof enrolments.$inferInsert)[] = [];
  let sessionCounter = 0;

  async function session(
    code: string,
    startsOn: string,
    capacity: number,
    options: { distance?: boolean } = {},
  ) {
    const t = training(code);
    sessionCounter += 1;
    const endsOn = addDays(startsOn, t.durationDays - 1);
    const distance = options.distance ?? false;
    const [row] = await db
      .insert(trainingSessions)
      .values({
        trainingId: t.id,
        startsOn,
        endsOn,
        place: distance ? "Classe virtuelle" : (PLACES[sessionCounter % PLACES.length] ?? "Paris"),
        distance,
        trainers: TRAINERS[sessionCounter % TRAINERS.length] ?? null,
        capacity,
      })
      .returning({ id: trainingSessions.id });
    if (!row) throw new Error("demo session not created");
    return { id: row.id, startsOn, endsOn };
  }

  function enrolIn(
    s: { id: string; startsOn: string; endsOn: string },
    trainee: Trainee,
    outcome: Outcome,
    options: { status?: "inscrit" | "liste_attente"; enrolledAt?: Date } = {},
  ) {
    const result =
      outcome.kind === "none"
        ? { attendanceRate: null, testScore: null, testRefused: false, equivalenceReason: null }
        : {
            attendanceRate: outcome.attendance,
            testScore: outcome.kind === "passed" || outcome.kind === "failed" ? outcome.score : null,
            testRefused: outcome.kind === "refused",
            equivalenceReason: null,
          };
    enrolmentRows.push({
      sessionId: s.id,
      traineeId: trainee.id,
      associationId: trainee.associationId,
      status: options.status ?? "inscrit",
      funding: FUNDINGS[Math.floor(next() * FUNDINGS.length)] ?? "plan_competences",
      enrolledBy: trainee.id,
      enrolledAt:
        options.enrolledAt ??
        new Date(`${minDate(addDays(s.startsOn, -45), addDays(ctx.today, -3))}T09:00:00Z`),
      ...result,
      ...validationColumns(s, result),
    });
  }

  // Fictitious trainees of the two demo associations, for the historical sessions.
  const passwordHash = await hashPassword(randomBytes(18).toString("base64url"));
  const { gironde, moselle } = ctx.accounts.associationIds;
  const extra = await db
    .insert(users)
    .values(
      FIRST_NAMES.flatMap((firstName, i) => [
        {
          email: `stagiaire.${String(2 * i + 1).padStart(2, "0")}@demo.parcours.fr`,
          passwordHash,
          firstName,
          lastName: LAST_NAMES[i] ?? "Martin",
          role: "intervenant" as const,
          associationId: gironde,
        },
        {
          email: `stagiaire.${String(2 * i + 2).padStart(2, "0")}@demo.parcours.fr`,
          passwordHash,
          firstName: FIRST_NAMES[(i + 11) % FIRST_NAMES.length] ?? firstName,
          lastName: LAST_NAMES[(i + 17) % LAST_NAMES.length] ?? "Martin",
          role: "intervenant" as const,
          associationId: moselle,
        },
      ]),
    )
    .returning({ id: users.id, associationId: users.associationId });
  const pool: Trainee[] = extra;

  // Historical sessions 2018–2021, with the test outcomes of the published statistics.
  const PER_SESSION = 13;
  let base = 0;
  for (const [yearText, counts] of Object.entries(HISTORICAL_OUTCOMES)) {
    const year = Number(yearText);
    const outcomes = shuffle(
      [
        ...Array.from(
          { length: counts.passed },
          (): Outcome => ({
            kind: "passed",
            score: [50, 60, 60, 70, 80, 80, 90, 100][Math.floor(next() * 8)] ?? 60,
            attendance: 100,
          }),
        ),
        ...Array.from(
          { length: counts.failed },
          (): Outcome => ({
            kind: "failed",
            score: [20, 30, 40, 40][Math.floor(next() * 4)] ?? 40,
            attendance: 100,
          }),
        ),
        ...Array.from({ length: counts.refused }, (): Outcome => ({ kind: "refused", attendance: 100 })),
      ],
      next,
    ).map((o) =>
      o.kind === "none" ? o : { ...o, attendance: [100, 100, 100, 83, 67][Math.floor(next() * 5)] ?? 100 },
    );
    const sessionCount = Math.ceil(outcomes.length / PER_SESSION);
    for (let k = 0; k < sessionCount; k += 1) {
      const code = cisjCodes[(k + year) % cisjCodes.length] ?? "TC01";
      const month = 1 + Math.floor((k * 10) / sessionCount);
      const day = 5 + ((k * 3) % 18);
      const s = await session(
        code,
        `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`,
        14,
      );
      const slice = outcomes.slice(k * PER_SESSION, (k + 1) * PER_SESSION);
      slice.forEach((outcome, i) => {
        const trainee = pool[(base + i) % pool.length];
        if (trainee) enrolIn(s, trainee, outcome);
      });
      base += slice.length;
    }
  }

  // The demo accounts' own paths (never in 2018–2021, so the published figures stay as they are).
  const account = (email: string): Trainee => {
    const found = ctx.accounts.users[email];
    if (!found) throw new Error(`missing demo account ${email}`);
    return { id: found.id, associationId: found.associationId };
  };
  const ines = account("intervenant@demo.parcours.fr");
  const sophie = account("intervenant.adultes@demo.parcours.fr");
  const karim = account("intervenant.mineurs@demo.parcours.fr");
  const bruno = account("chef@demo.parcours.fr");
  const thomas = account("intervenant2@demo.parcours.fr");
  const passed = (score: number): Outcome => ({ kind: "passed", score, attendance: 100 });

  // Inès Martin: six validated trainings (3 TC, 2 MSJ, 1 TR), one of them before 2012 by attendance.
  const inesPath: [string, string, Outcome][] = [
    ["TC01", "2010-11-15", { kind: "attendance", attendance: 100 }],
    ["TC02", "2022-03-14", passed(80)],
    ["TC03", "2023-01-23", passed(70)],
    ["MSJ01", "2023-06-12", passed(60)],
    ["MSJ02", "2024-02-05", passed(90)],
    ["TR02", "2025-03-17", passed(80)],
  ];
  for (const [code, startsOn, outcome] of inesPath) {
    const s = await session(code, startsOn, 14);
    enrolIn(s, ines, outcome);
    const thomasOutcome: Outcome =
      startsOn < "2012-01-01"
        ? { kind: "attendance", attendance: 83 }
        : code === "TC02"
          ? { kind: "refused", attendance: 100 }
          : passed(70);
    enrolIn(s, thomas, thomasOutcome);
  }

  // A session of TC04 that ended a few days ago: Inès and Bruno still have to take the test online;
  // Sophie took it and failed.
  const tc04 = await session("TC04", addDays(ctx.today, -9), 14);
  enrolIn(tc04, ines, { kind: "none" });
  enrolIn(tc04, bruno, { kind: "none" });
  enrolIn(tc04, sophie, { kind: "failed", score: 40, attendance: 100 });

  // Bruno Garnier and Karim Benali: a few validated trainings.
  for (const [code, startsOn] of [
    ["TC02", "2023-10-02"],
    ["MSJ03", "2024-05-13"],
    ["TR01", "2025-01-20"],
  ] as const) {
    const s = await session(code, startsOn, 14);
    enrolIn(s, bruno, passed(70));
    enrolIn(s, karim, code === "TR01" ? { kind: "failed", score: 30, attendance: 100 } : passed(60));
  }

  // Upcoming sessions; the first one is full with a waiting list.
  const full = await session("MSJ06", addDays(ctx.today, 24), 8);
  const daysAgo = (n: number) => new Date(`${addDays(ctx.today, -n)}T09:00:00Z`);
  for (const [i, trainee] of pool.slice(0, 6).entries()) {
    enrolIn(full, trainee, { kind: "none" }, { enrolledAt: daysAgo(40 - i) });
  }
  enrolIn(full, thomas, { kind: "none" }, { enrolledAt: daysAgo(30) });
  enrolIn(full, sophie, { kind: "none" }, { enrolledAt: daysAgo(28) });
  enrolIn(full, karim, { kind: "none" }, { status: "liste_attente", enrolledAt: daysAgo(21) });
  const late = pool[10];
  if (late) enrolIn(full, late, { kind: "none" }, { status: "liste_attente", enrolledAt: daysAgo(12) });

  const upcoming: [string, number, number, boolean][] = [
    ["TR01", 38, 14, false],
    ["TC05", 52, 16, false],
    ["MSJ04", 66, 12, true],
    ["TR05", 80, 14, true],
    ["TC06", 95, 16, false],
    ["MSJ02", 110, 12, false],
  ];
  for (const [code, inDays, capacity, distance] of upcoming) {
    const s = await session(code, addDays(ctx.today, inDays), capacity, { distance });
    for (const trainee of pool.slice(12 + (inDays % 20), 15 + (inDays % 20))) {
      enrolIn(s, trainee, { kind: "none" });
    }
    if (code === "TR01") enrolIn(s, ines, { kind: "none" });
  }

  // Insert in batches (the historical sessions hold several hundred enrolments).
  for (let i = 0; i < enrolmentRows.length; i += 200) {
    await db.insert(enrolments).values(enrolmentRows.slice(i, i + 200));
  }
}
