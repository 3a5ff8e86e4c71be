import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { sql } from "drizzle-orm";
import { MAX_CASELOAD, OPEN_EVERY, planAssociations } from "../bench/data-plan.ts";
import { generateScaleData } from "../bench/generate.ts";
import { buildApp } from "../src/platform/app.ts";
import { loadConfig } from "../src/platform/config.ts";
import { type Database, queryRows } from "../src/platform/db.ts";
import { todayInParis } from "../src/platform/request-context.ts";
import { Client, engines, freshDatabase, TEST_PASSWORD } from "./support.ts";

describe("scale data plan", () => {
  const cases = [
    { associations: 150, persons: 1_000_000, measures: 3_000_000, largest: [42_000, 45_000] },
    { associations: 1, persons: 50_000, measures: 150_000, largest: [50_000, 50_000] },
    { associations: 3, persons: 1000, measures: 3000, largest: [430, 445] },
  ];
  for (const c of cases) {
    test(`${c.associations} associations, ${c.persons} persons, ${c.measures} measures`, () => {
      const plans = planAssociations(c.associations, c.persons, c.measures);
      assert.equal(plans.length, c.associations);
      assert.equal(
        plans.reduce((s, p) => s + p.pTo - p.pFrom + 1, 0),
        c.persons,
      );
      assert.equal(
        plans.reduce((s, p) => s + p.measures, 0),
        c.measures,
      );
      assert.equal(
        plans.reduce((s, p) => s + p.open, 0),
        Math.floor(c.measures / OPEN_EVERY),
      );
      const largest = (plans[0]?.pTo ?? 0) - (plans[0]?.pFrom ?? 0) + 1;
      assert.ok(largest >= (c.largest[0] ?? 0) && largest <= (c.largest[1] ?? 0), `largest holds ${largest}`);
      for (const p of plans.filter((p) => p.open >= 40)) {
        assert.ok(Math.floor(p.open / p.staff) >= 40, `association ${p.n}: ${p.open} open for ${p.staff}`);
        assert.ok(
          Math.ceil(p.open / p.staff) <= MAX_CASELOAD,
          `association ${p.n}: ${p.open} open for ${p.staff}`,
        );
      }
    });
  }
});

for (const engine of engines()) {
  describe(`scale data set at a small size (${engine})`, () => {
    let database: Database;
    const today = todayInParis();
    before(async () => {
      database = await freshDatabase(engine);
      await generateScaleData(database.db, {
        associations: 3,
        persons: 1000,
        measures: 3000,
        password: TEST_PASSWORD,
        today,
      });
    });
    after(async () => database?.close());

    const one = async <T>(query: string) => (await queryRows<T>(database.db, sql.raw(query)))[0] as T;

    test("holds the persons and measures asked for, about 5 % of the measures open", async () => {
      const c = await one<{ associations: number; persons: number; measures: number; open: number }>(
        `select (select count(*)::int from associations) as associations, (select count(*)::int from persons) as persons,
           (select count(*)::int from measures) as measures,
           (select count(*)::int from measures where status <> 'cloturee') as open`,
      );
      assert.deepEqual(c, { associations: 3, persons: 1000, measures: 3000, open: 150 });
      const closed = await one<{ without: number }>(
        `select count(*)::int as without from measures where status = 'cloturee' and (closed_on is null or outcome_code is null)`,
      );
      assert.equal(closed.without, 0, "every closed measure has its closing date and outcome");
    });

    test("names carry accents and compound forms", async () => {
      const n = await one<{ accents: number; compound: number }>(
        `select count(*) filter (where last_name || first_name ~ '[éèêëïîôöüçÉ]')::int as accents,
           count(*) filter (where last_name ~ '[- '']' or first_name like '%-%')::int as compound from persons`,
      );
      assert.ok(n.accents > 100, `${n.accents} names with accents`);
      assert.ok(n.compound > 30, `${n.compound} compound names`);
    });

    test("each open measure has its obligations and appointments; started ones an assessment and a plan", async () => {
      const c = await one<Record<string, number>>(
        `select count(*) filter (where not exists (select 1 from obligations o where o.measure_id = m.id))::int as no_obligation,
           count(*) filter (where not exists (select 1 from appointments a where a.measure_id = m.id and a.starts_at > now()))::int as no_next_appointment,
           count(*) filter (where m.status <> 'recue' and not exists (select 1 from assessments a where a.measure_id = m.id))::int as no_assessment,
           count(*) filter (where m.status <> 'recue' and not exists (select 1 from plan_actions pa join plan_objectives po on po.id = pa.objective_id where po.measure_id = m.id))::int as no_action,
           count(*) filter (where m.report_submitted_on is null and m.report_due_date < current_date)::int as late_reports
         from measures m where m.status <> 'cloturee'`,
      );
      assert.equal(c.no_obligation, 0);
      assert.equal(c.no_next_appointment, 0);
      assert.equal(c.no_assessment, 0);
      assert.equal(c.no_action, 0);
      assert.ok((c.late_reports ?? 0) > 0, "some reports are late");
      const p = await one<{ proofs: number; expected: number; domains: number; assessments: number }>(
        `select (select count(*)::int from obligation_proofs) as proofs,
           (select coalesce(sum(1 + (current_date - first_proof_due) / 30), 0)::int from obligations
              where proof_required and first_proof_due <= current_date) as expected,
           (select count(*)::int from assessment_domains) as domains, (select count(*)::int from assessments) as assessments`,
      );
      assert.ok(
        p.proofs >= 0.7 * p.expected && p.proofs < p.expected,
        `${p.proofs} proofs of ${p.expected} due`,
      );
      assert.equal(p.domains, 9 * p.assessments);
    });

    test("intervenants carry 40 to 80 open measures in the associations sized for it", async () => {
      const rows = await queryRows<{ open: number; association_open: number }>(
        database.db,
        sql`select count(*)::int as open, sum(count(*)) over (partition by m.association_id)::int as association_open
            from measures m where m.status <> 'cloturee' group by m.association_id, m.referent_id`,
      );
      const sized = rows.filter((r) => r.association_open >= 40);
      assert.ok(sized.length >= 2);
      for (const r of sized) assert.ok(r.open >= 40 && r.open <= 80, `${r.open} open measures`);
    });

    test("the demo intervenant, chef de service and direction log in and see their open measures", async () => {
      const config = { ...loadConfig({ NODE_ENV: "test" }), cookieSecure: false };
      const app = await buildApp({ config, database });
      try {
        const counts = await one<{ own: number; team: number; association: number }>(
          `select count(*) filter (where u.email = 'intervenant@demo.parcours.fr')::int as own,
             count(*) filter (where u.service_id = (select service_id from users where email = 'chef@demo.parcours.fr'))::int as team,
             count(*)::int as association
           from measures m join users u on u.id = m.referent_id
           where m.status <> 'cloturee' and m.association_id = (select association_id from users where email = 'direction@demo.parcours.fr')`,
        );
        assert.ok(
          counts.own >= 40 && counts.own <= 80,
          `${counts.own} open measures for the demo intervenant`,
        );
        for (const [email, title, n] of [
          ["intervenant@demo.parcours.fr", "Mes mesures en cours", counts.own],
          ["chef@demo.parcours.fr", "Mesures de l'équipe", counts.team],
          ["direction@demo.parcours.fr", "Mesures de l'association", counts.association],
        ] as const) {
          const client = await new Client(app).login(email, TEST_PASSWORD);
          const page = await client.get("/");
          assert.equal(page.statusCode, 200);
          assert.match(page.body, new RegExp(`<h1[^>]*>${title.replace("'", "(?:'|&#39;)")}</h1>`));
          assert.match(page.body, new RegExp(`${n} mesures en cours`));
        }
      } finally {
        await app.close();
      }
    });
  });
}
