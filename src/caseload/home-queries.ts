import { and, asc, count, eq, inArray, isNull, type SQLWrapper, sql } from "drizzle-orm";
import { associations, users } from "../accounts/tables.ts";
import { cisjCertificates, cisjDossiers } from "../cisj/tables.ts";
import { cncCandidacies } from "../cnc/tables.ts";
import type { IsoDate } from "../deadlines/rules.ts";
import { FIELD_ROLES } from "../platform/auth.ts";
import type { Db } from "../platform/db.ts";
import { trainingSessions, trainings } from "../training/tables.ts";
import { SESSIONS_HORIZON_DAYS, sessionsToFill } from "./home-rules.ts";

/* The figures of the home pages of the federation's roles. None of them reads a person followed. */

const enrolled = sql<number>`(select count(*)::int from enrolments e where e.session_id = ${trainingSessions.id} and e.status = 'inscrit')`;

/** `count(*) filter (where status = '…')` for each status, as numbers. */
function countOf(column: SQLWrapper, status: string) {
  return sql<number>`(count(*) filter (where ${column} = ${status}))::int`;
}

async function upcomingToFill(db: Db, today: IsoDate) {
  const rows = await db
    .select({
      id: trainingSessions.id,
      startsOn: trainingSessions.startsOn,
      capacity: trainingSessions.capacity,
      status: trainingSessions.status,
      enrolled,
      trainingCode: trainings.code,
      trainingTitle: trainings.title,
    })
    .from(trainingSessions)
    .innerJoin(trainings, eq(trainings.id, trainingSessions.trainingId))
    .where(
      and(
        eq(trainingSessions.status, "ouverte"),
        sql`${trainingSessions.startsOn} > ${today}`,
        sql`${trainingSessions.startsOn} <= (${today}::date + ${SESSIONS_HORIZON_DAYS}::int)`,
      ),
    )
    .orderBy(asc(trainingSessions.startsOn), asc(trainings.code));
  return sessionsToFill(
    rows.map((r) => ({ ...r, enrolled: Number(r.enrolled) })),
    today,
  );
}

export type FormationHome = Awaited<ReturnType<typeof formationHome>>;

/** What the training service has to act on: CISJ dossiers, CNC candidacies, sessions to fill. */
export async function formationHome(db: Db, today: IsoDate) {
  const [[cisj], [cnc], sessions] = await Promise.all([
    db
      .select({
        memoire_depose: countOf(cisjDossiers.status, "memoire_depose"),
        soutenance_planifiee: countOf(cisjDossiers.status, "soutenance_planifiee"),
      })
      .from(cisjDossiers),
    db
      .select({
        incomplet: countOf(cncCandidacies.status, "incomplet"),
        complet: countOf(cncCandidacies.status, "complet"),
        conteste: countOf(cncCandidacies.status, "conteste"),
      })
      .from(cncCandidacies),
    upcomingToFill(db, today),
  ]);
  return {
    cisj: {
      memoire_depose: Number(cisj?.memoire_depose ?? 0),
      soutenance_planifiee: Number(cisj?.soutenance_planifiee ?? 0),
    },
    cnc: {
      incomplet: Number(cnc?.incomplet ?? 0),
      complet: Number(cnc?.complet ?? 0),
      conteste: Number(cnc?.conteste ?? 0),
    },
    sessions,
  };
}

export type FederationHome = Awaited<ReturnType<typeof federationHome>>;

/** What the federation follows: its member associations, their professionals, certification. */
export async function federationHome(db: Db, today: IsoDate) {
  const year = Number(today.slice(0, 4));
  const [[assoc], [staff], [certified], [inCommission], sessions] = await Promise.all([
    db.select({ n: count() }).from(associations).where(eq(associations.active, true)),
    db
      .select({ n: count() })
      .from(users)
      .where(and(eq(users.active, true), inArray(users.role, [...FIELD_ROLES]))),
    db.select({ n: count() }).from(cisjCertificates).where(eq(cisjCertificates.year, year)),
    db.select({ n: count() }).from(cncCandidacies).where(eq(cncCandidacies.status, "en_commission")),
    upcomingToFill(db, today),
  ]);
  return {
    year,
    associations: Number(assoc?.n ?? 0),
    professionals: Number(staff?.n ?? 0),
    certifiedThisYear: Number(certified?.n ?? 0),
    inCommission: Number(inCommission?.n ?? 0),
    sessionsWithPlaces: sessions.length,
  };
}

export type AdminHome = Awaited<ReturnType<typeof adminHome>>;

/** What the administrator has to act on: accounts never used, associations without a direction. */
export async function adminHome(db: Db) {
  const [neverActivated, withoutDirection] = await Promise.all([
    db
      .select({
        id: users.id,
        email: users.email,
        firstName: users.firstName,
        lastName: users.lastName,
        role: users.role,
        createdAt: users.createdAt,
      })
      .from(users)
      .where(and(eq(users.active, true), isNull(users.lastLoginAt)))
      .orderBy(asc(users.createdAt), asc(users.lastName)),
    db
      .select({ id: associations.id, name: associations.name })
      .from(associations)
      .where(
        and(
          eq(associations.active, true),
          sql`not exists (select 1 from users u where u.association_id = ${associations.id} and u.role = 'direction' and u.active)`,
        ),
      )
      .orderBy(asc(associations.name)),
  ]);
  return { neverActivated, withoutDirection };
}
