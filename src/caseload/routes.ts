import { and, asc, eq, inArray } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { type Role, users } from "../accounts/tables.ts";
import { pendingTestsOf } from "../knowledge-tests/pending.tsx";
import { referentsOf } from "../measures/queries.ts";
import { MEASURE_STATUSES, type MeasureStatus } from "../measures/rules.ts";
import { FIELD_ROLES } from "../platform/auth.ts";
import { pageChrome, sendPage } from "../platform/page.ts";
import { currentUser, inTenant, pageNumber, todayInParis } from "../platform/request-context.ts";
import { activeMeasureTypes } from "../reference/queries.ts";
import { deadlinesUntil } from "../team/queries.ts";
import { lateAndThisWeek } from "../team/rules.ts";
import { adminHome, federationHome, formationHome } from "./home-queries.ts";
import { type HomeFigures, homePage } from "./home-view.tsx";
import { CASELOAD_PAGE_SIZE, type CaseloadFilter, caseload } from "./queries.ts";
import { caseloadPage } from "./views.tsx";

/** `/`: the caseload of an intervenant, of a chef de service's team, of a direction's association; a home page for the others. */
export async function caseloadRoutes(app: FastifyInstance) {
  const { db } = app.deps.database;

  async function homeFigures(role: Role): Promise<HomeFigures | undefined> {
    if (role === "formation") return { role, data: await formationHome(db, todayInParis()) };
    if (role === "federation") return { role, data: await federationHome(db, todayInParis()) };
    if (role === "admin") return { role, data: await adminHome(db) };
    return undefined;
  }

  app.get("/", async (request, reply) => {
    const user = currentUser(request);
    if (!FIELD_ROLES.includes(user.role) || !user.associationId) {
      return sendPage(
        reply,
        homePage({
          chrome: pageChrome(request, reply),
          role: user.role,
          figures: await homeFigures(user.role),
        }),
      );
    }
    const q = request.query as Record<string, string | undefined>;
    const status = MEASURE_STATUSES.includes(q.status as MeasureStatus)
      ? (q.status as MeasureStatus)
      : undefined;
    const page = pageNumber(q.page);

    const scope =
      user.role === "intervenant"
        ? "own"
        : user.role === "chef_service" && user.serviceId
          ? "team"
          : "association";
    const referents =
      scope === "team" && user.serviceId
        ? await db
            .select({ id: users.id, firstName: users.firstName, lastName: users.lastName })
            .from(users)
            .where(
              and(
                eq(users.associationId, user.associationId),
                eq(users.serviceId, user.serviceId),
                inArray(users.role, FIELD_ROLES),
              ),
            )
            .orderBy(asc(users.lastName))
        : await referentsOf(db, user.associationId);
    const filter: CaseloadFilter = {
      typeCode: q.typeCode || undefined,
      status,
      referentIds: scope === "own" ? [user.id] : scope === "team" ? referents.map((r) => r.id) : undefined,
      referentId:
        scope !== "own" && q.referentId && referents.some((r) => r.id === q.referentId)
          ? q.referentId
          : undefined,
    };
    const today = todayInParis();
    const [{ rows, total, deadlines }, types, pendingTests] = await Promise.all([
      inTenant(request, async (tx) => {
        const list = await caseload(tx, filter, page);
        const items = await deadlinesUntil(tx, {
          until: "9999-12-31",
          today,
          referentIds: filter.referentId ? [filter.referentId] : filter.referentIds,
        });
        return { ...list, deadlines: lateAndThisWeek(items, today) };
      }),
      activeMeasureTypes(db),
      pendingTestsOf(db, user.id, today),
    ]);
    return sendPage(
      reply,
      caseloadPage({
        chrome: pageChrome(request, reply),
        title:
          scope === "own"
            ? "Mes mesures en cours"
            : scope === "team"
              ? "Mesures de l'équipe"
              : "Mesures de l'association",
        scope,
        rows,
        total,
        page,
        pageCount: Math.max(1, Math.ceil(total / CASELOAD_PAGE_SIZE)),
        today,
        deadlines,
        filters: { typeCode: filter.typeCode, status, referentId: filter.referentId },
        types,
        referents,
        pendingTests,
      }),
    );
  });
}
