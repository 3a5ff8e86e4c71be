/** A fictitious measure's file, for the tests of the report templates and documents. */
import type { ReportData } from "./draft.ts";

export function reportDataFixture(overrides: Partial<ReportData> = {}): ReportData {
  return {
    today: "2026-11-20",
    association: { name: "Association Exemple de Gironde", city: "Bordeaux" },
    person: {
      lastName: "Éluard-Nguyên",
      firstName: "Maëlys",
      usedName: null,
      birthDate: "1994-05-12",
      birthPlace: "Ville-Exemple",
      sex: "F",
      addressLine: "12 rue de l'Exemple",
      postalCode: "33130",
      city: "Bègles",
      familySituation: "celibataire",
    },
    measure: {
      number: "2026-0042",
      typeLabel: "Contrôle judiciaire socio-éducatif",
      phase: "pre_sentence",
      legalBasis: "art. 138 CPP",
      magistrateFunction: "Juge d'instruction",
      magistrateName: "Mme Exemple",
      courtName: "Tribunal judiciaire de Bordeaux",
      proceedingsNumber: "2026/12345",
      decisionDate: "2026-09-01",
      receivedDate: "2026-09-03",
      reportDueDate: "2026-11-03",
      endDate: null,
      referentName: "Claire Intervenante",
    },
    assessment: {
      assessedOn: "2026-09-20",
      summary: "Situation fragile mais personne mobilisée.",
      domains: [
        {
          domain: "logement",
          level: "majeure",
          needs: "Hébergement stable",
          notes: "Hébergée chez un tiers.",
        },
        { domain: "emploi_formation", level: "difficulte", needs: null, notes: null },
        { domain: "addictions", level: "aucune", needs: null, notes: null },
      ],
    },
    plan: [
      {
        domain: "logement",
        title: "Accéder à un logement autonome",
        status: "en_cours",
        statusReason: null,
        dueDate: "2027-01-31",
        actions: [
          {
            description: "Demande au SIAO",
            status: "atteint",
            dueDate: "2026-10-15",
            doneOn: "2026-10-10",
            partnerName: "SIAO Exemple",
          },
          {
            description: "Dossier de logement social",
            status: "a_faire",
            dueDate: "2026-12-15",
            doneOn: null,
            partnerName: null,
          },
        ],
      },
      {
        domain: "emploi",
        title: "Reprendre une activité",
        status: "atteint",
        statusReason: "Contrat à durée déterminée signé",
        dueDate: null,
        actions: [],
      },
    ],
    obligations: [
      {
        id: "00000000-0000-4000-8000-000000000001",
        label: "Exercer une activité professionnelle",
        kind: "obligation",
        details: null,
        startDate: "2026-09-01",
        endDate: null,
        proofRequired: true,
        firstProofDue: "2026-10-05",
        proofIntervalDays: 30,
        proofs: [
          { receivedOn: "2026-10-01", kind: "bulletin_salaire", description: null },
          { receivedOn: "2026-11-02", kind: "bulletin_salaire", description: null },
        ],
        findings: [{ periodStart: "2026-09-01", periodEnd: "2026-10-31", status: "respectee", note: null }],
      },
      {
        id: "00000000-0000-4000-8000-000000000002",
        label: "Se soumettre à des soins",
        kind: "obligation",
        details: "Suivi en addictologie",
        startDate: "2026-09-01",
        endDate: null,
        proofRequired: false,
        firstProofDue: null,
        proofIntervalDays: null,
        proofs: [],
        findings: [
          { periodStart: "2026-09-01", periodEnd: "2026-09-30", status: "respectee", note: null },
          {
            periodStart: "2026-10-01",
            periodEnd: "2026-10-31",
            status: "non_respectee",
            note: "Aucun rendez-vous au CSAPA",
          },
        ],
      },
    ],
    appointments: [
      { date: "2026-09-10", kind: "entretien", attendance: "present", partnerName: null },
      { date: "2026-09-24", kind: "visite_domicile", attendance: "present", partnerName: null },
      { date: "2026-10-08", kind: "entretien", attendance: "absent", partnerName: null },
      { date: "2026-10-22", kind: "entretien", attendance: "excuse", partnerName: null },
      {
        date: "2026-11-05",
        kind: "entretien_partenaire",
        attendance: "absent",
        partnerName: "CSAPA Exemple",
      },
      { date: "2026-11-19", kind: "entretien", attendance: null, partnerName: null },
    ],
    incidents: [
      {
        id: "00000000-0000-4000-8000-0000000000a1",
        occurredOn: "2026-10-08",
        kind: "absence",
        description: "Absente à l'entretien sans prévenir.",
        reportedOn: "2026-10-09",
        obligationId: null,
        obligationLabel: null,
        appointmentDate: "2026-10-08",
      },
      {
        id: "00000000-0000-4000-8000-0000000000a2",
        occurredOn: "2026-11-06",
        kind: "obligation_non_respectee",
        description: "Aucun justificatif de soins depuis deux mois.",
        reportedOn: null,
        obligationId: "00000000-0000-4000-8000-000000000002",
        obligationLabel: "Se soumettre à des soins",
        appointmentDate: null,
      },
    ],
    incidentIds: ["00000000-0000-4000-8000-0000000000a2"],
    ...overrides,
  };
}

/** A file with nothing but the identity and the mandate, and gaps in both. */
export function emptyReportDataFixture(): ReportData {
  const full = reportDataFixture();
  return {
    ...full,
    person: {
      ...full.person,
      birthDate: null,
      birthPlace: null,
      sex: null,
      addressLine: null,
      postalCode: null,
      city: null,
      familySituation: null,
    },
    measure: { ...full.measure, magistrateName: null, proceedingsNumber: null },
    assessment: null,
    plan: [],
    obligations: [],
    appointments: [],
    incidents: [],
    incidentIds: [],
  };
}
