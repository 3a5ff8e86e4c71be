import { createHash } from "node:crypto";
import { and, asc, inArray, ne } from "drizzle-orm";
import { addCalendarDays, type IsoDate } from "../deadlines/rules.ts";
import { storeFile } from "../files/queries.ts";
import { createIncident, markIncidentReported } from "../incidents/queries.ts";
import type { IncidentKind } from "../incidents/tables.ts";
import { measures } from "../measures/tables.ts";
import { addProof, createObligation, recordCompliance } from "../obligations/queries.ts";
import { proofDueDates, statutoryArticlesFor, suggestCompliance } from "../obligations/rules.ts";
import type { ProofKind } from "../obligations/tables.ts";
import { type Db, type TenantTx, withTenant } from "../platform/db.ts";
import { measureTypeByCode } from "../reference/data/measure-types.ts";
import { obligationByCode } from "../reference/data/statutory-obligations.ts";
import type { DemoContext } from "./context.ts";

/** One obligation of a demo measure: an item of a statutory list, with or without periodic proofs. */
interface Planned {
  code: string;
  details?: string;
  proof?: { kind: ProofKind; everyDays: number; issuer: string };
}

const JUDICIAL_CONTROL: Planned[][] = [
  [
    { code: "cpp138-6" },
    {
      code: "cpp138-10",
      details: "Suivi addictologique au CSAPA désigné par le juge",
      proof: { kind: "certificat_medical", everyDays: 30, issuer: "CSAPA Les Tilleuls (fictif)" },
    },
    { code: "cpp138-12bis" },
  ],
  [
    { code: "cpp138-5", details: "Présentation au service tous les quinze jours" },
    {
      code: "cpp138-16",
      proof: { kind: "recu_versement", everyDays: 30, issuer: "Caisse d'allocations (fictive)" },
    },
    { code: "cpp138-9", details: "Ne pas entrer en relation avec la plaignante" },
  ],
  [
    {
      code: "cpp138-10",
      details: "Soins psychologiques",
      proof: { kind: "certificat_medical", everyDays: 30, issuer: "Centre médico-psychologique (fictif)" },
    },
    { code: "cpp138-17", details: "Résider hors du domicile du couple" },
  ],
];

const PROBATION: Planned[][] = [
  [
    {
      code: "cp132-45-1",
      proof: { kind: "bulletin_salaire", everyDays: 30, issuer: "Entreprise Exemple SARL (fictive)" },
    },
    {
      code: "cp132-45-3",
      details: "Soins en addictologie",
      proof: { kind: "certificat_medical", everyDays: 30, issuer: "CSAPA Les Tilleuls (fictif)" },
    },
    {
      code: "cp132-45-5",
      details: "Indemnisation des victimes : versements mensuels de 50 €",
      proof: { kind: "recu_versement", everyDays: 60, issuer: "Service d'aide au recouvrement (fictif)" },
    },
  ],
  [
    { code: "cp132-44-1" },
    {
      code: "cp132-45-1",
      details: "Formation qualifiante",
      proof: { kind: "attestation", everyDays: 30, issuer: "Centre de formation Exemple (fictif)" },
    },
  ],
];

/** A small, valid one-page PDF with a few lines of text (Latin-1 only), standing for a scanned proof. */
export function demoPdf(title: string, lines: string[]): Buffer {
  const latin1 = (s: string) => s.replace(/[^\x20-\x7e\xa0-\xff]/g, "?").replace(/[\\()]/g, (c) => `\\${c}`);
  const text = [
    "BT",
    "/F1 16 Tf",
    "72 770 Td",
    `(${latin1(title)}) Tj`,
    "/F1 11 Tf",
    ...lines.flatMap((line) => ["0 -20 Td", `(${latin1(line)}) Tj`]),
    "0 -40 Td",
    "(Document fictif de demonstration - Parcours) Tj",
    "ET",
  ].join("\n");
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    `<< /Length ${Buffer.byteLength(text, "latin1")} >>\nstream\n${text}\nendstream`,
  ];
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, "latin1"));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, "latin1");
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, "0")} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, "latin1");
}

const frDate = (d: IsoDate) => d.split("-").reverse().join("/");

interface DemoMeasure {
  id: string;
  typeCode: string;
  decisionDate: IsoDate;
  receivedDate: IsoDate;
  endDate: IsoDate | null;
}

/** Seeds one measure's obligations; returns the id of the obligation with proofs, for an incident. */
async function seedMeasure(
  tx: TenantTx,
  measure: DemoMeasure,
  plan: Planned[],
  rank: number,
  userId: string,
  today: IsoDate,
): Promise<string | null> {
  let withProofs: string | null = null;
  for (const [j, planned] of plan.entries()) {
    const item = obligationByCode(planned.code);
    if (!item) continue;
    const firstProofDue = planned.proof ? addCalendarDays(measure.receivedDate, 30) : null;
    const schedule = {
      proofRequired: Boolean(planned.proof),
      firstProofDue,
      proofIntervalDays: planned.proof?.everyDays ?? null,
      endDate: measure.endDate,
    };
    const obligationId = await createObligation(
      tx,
      measure.id,
      {
        statutoryCode: item.code,
        label: item.label,
        kind: item.kind,
        details: planned.details ?? null,
        startDate: measure.decisionDate,
        ...schedule,
      },
      userId,
    );
    if (!planned.proof) continue;
    withProofs ??= obligationId;
    const dues = proofDueDates(schedule, today).filter((d) => d < today);
    const proofs: { receivedOn: IsoDate }[] = [];
    for (const [n, due] of dues.entries()) {
      const last = n === dues.length - 1;
      // Some proofs are missing: the latest one for two obligations in five (an alert shows),
      // an earlier one for others (a finding covers it).
      const missing = (last && (rank * 7 + j * 3) % 5 < 2) || (n === 1 && (rank + j) % 4 === 1);
      if (missing) continue;
      const receivedOn = addCalendarDays(due, -((rank + n) % 6));
      const withFile = (rank + j + n) % 4 !== 3;
      const fileId = withFile
        ? await storeFile(
            tx,
            (() => {
              const data = demoPdf(
                planned.proof.kind === "certificat_medical" ? "Attestation de suivi" : "Justificatif",
                [
                  planned.proof.issuer,
                  `Objet : ${item.label}`,
                  `Periode se terminant le ${frDate(due)}`,
                  `Etabli le ${frDate(receivedOn)}`,
                ],
              );
              return {
                filename: `justificatif-${receivedOn}.pdf`,
                mimeType: "application/pdf",
                data,
                sha256: createHash("sha256").update(data).digest("hex"),
              };
            })(),
            userId,
          )
        : null;
      await addProof(
        tx,
        obligationId,
        {
          receivedOn,
          kind: planned.proof.kind,
          description: withFile
            ? `${planned.proof.issuer}`
            : "Original présenté en entretien, copie non conservée",
          fileId,
        },
        userId,
      );
      proofs.push({ receivedOn });
    }
    // A finding on the first two periods, once they are over.
    const second = dues[1];
    if (second) {
      const period = { start: measure.decisionDate, end: second };
      const suggested = suggestCompliance(schedule, proofs, period, today);
      if (suggested)
        await recordCompliance(
          tx,
          obligationId,
          {
            periodStart: period.start,
            periodEnd: period.end,
            status: suggested.status,
            note:
              suggested.status === "respectee"
                ? "Justificatifs remis à chaque échéance."
                : "Un justificatif manque ; la personne dit l'avoir égaré, rappel fait en entretien.",
          },
          userId,
        );
    }
  }
  return withProofs;
}

const INCIDENTS: { kind: IncidentKind; daysAgo: number; description: string; reportedAfter?: number }[] = [
  {
    kind: "absence",
    daysAgo: 9,
    description: "Absent à l'entretien prévu, sans prévenir. Message laissé, pas de rappel à ce jour.",
  },
  {
    kind: "obligation_non_respectee",
    daysAgo: 5,
    description: "Ne s'est pas rendu aux deux derniers rendez-vous de soins selon le centre de soins.",
  },
  {
    kind: "nouvelle_infraction",
    daysAgo: 20,
    description: "Le commissariat signale une interpellation pour conduite sans permis.",
    reportedAfter: 2,
  },
  {
    kind: "comportement",
    daysAgo: 12,
    description: "Propos menaçants envers l'agent d'accueil du service ; calme revenu en fin d'entretien.",
  },
];

/**
 * Obligations of the demo measures under contrôle judiciaire (art. 138 CPP) or post-sentence
 * (art. 132-44 and 132-45 CP), with monthly proofs (small PDF files), some missing past their due date,
 * findings on the first periods, and a few incidents, one of them already reported to the magistrate.
 */
export async function seedDemoObligations(db: Db, ctx: DemoContext): Promise<void> {
  const { accounts, today } = ctx;
  const plans = [
    { associationId: accounts.associationIds.gironde, userId: ctx.userId("intervenant@demo.parcours.fr") },
    { associationId: accounts.associationIds.moselle, userId: ctx.userId("intervenant2@demo.parcours.fr") },
  ];
  const types = ["cjse", "arse", "sursis_probatoire", "placement_exterieur", "tig"];
  for (const plan of plans) {
    await withTenant(db, { userId: plan.userId, associationId: plan.associationId }, async (tx) => {
      const rows = await tx
        .select({
          id: measures.id,
          typeCode: measures.typeCode,
          decisionDate: measures.decisionDate,
          receivedDate: measures.receivedDate,
          endDate: measures.endDate,
          referentId: measures.referentId,
        })
        .from(measures)
        .where(and(inArray(measures.typeCode, types), ne(measures.status, "cloturee")))
        .orderBy(asc(measures.receivedDate))
        .limit(40);
      let incident = 0;
      for (const [rank, measure] of rows.entries()) {
        const type = measureTypeByCode(measure.typeCode);
        if (!type) continue;
        const articles = statutoryArticlesFor(type);
        const templates = articles.includes("138") ? JUDICIAL_CONTROL : PROBATION;
        const planned = templates[rank % templates.length] ?? [];
        const withProofs = await seedMeasure(tx, measure, planned, rank, measure.referentId, today);
        // A few incidents on the demo intervenant's older measures.
        const spec = INCIDENTS[incident];
        if (!spec || measure.referentId !== plan.userId) continue;
        const occurredOn = addCalendarDays(today, -spec.daysAgo);
        if (occurredOn < measure.decisionDate) continue;
        incident += 1;
        const incidentId = await createIncident(
          tx,
          measure.id,
          {
            occurredOn,
            kind: spec.kind,
            description: spec.description,
            obligationId: spec.kind === "obligation_non_respectee" ? withProofs : null,
            appointmentId: null,
          },
          measure.referentId,
        );
        if (spec.reportedAfter !== undefined)
          await markIncidentReported(tx, incidentId, null, addCalendarDays(occurredOn, spec.reportedAfter));
      }
    });
  }
}
