/**
 * Fills a migrated database with the scale data set through set-based SQL (generate_series, insert …
 * select): the demo accounts, then associations, services, staff, persons and measures, then what hangs
 * from each open measure (bench/generate-follow-up.ts). Runs as the owner connection: row-level security
 * does not apply to it, every association_id is written explicitly.
 */
import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import { seedDemoAccounts } from "../src/demo/accounts.ts";
import { MAGISTRATE_FUNCTIONS } from "../src/measures/form.ts";
import { hashPassword } from "../src/platform/auth.ts";
import type { Db } from "../src/platform/db.ts";
import { type AssociationPlan, OPEN_EVERY, pick, planAssociations, textArray } from "./data-plan.ts";
import { generateFollowUp } from "./generate-follow-up.ts";
import { FIRST_NAMES_F, FIRST_NAMES_M, LAST_NAMES, TOWNS } from "./names.ts";

export interface GenerateOptions {
  associations: number;
  persons: number;
  measures: number;
  /** Password of the demo accounts and of every generated account. */
  password: string;
  /** The day the data set is built around (open measures received in the 200 days before). */
  today: string;
  log?: (line: string) => void;
}

export interface GenerateResult {
  plans: AssociationPlan[];
  associationIds: { gironde: string; moselle: string };
  steps: { step: string; rows: number; seconds: number }[];
  seconds: number;
}

const LN = textArray(LAST_NAMES);
const FF = textArray(FIRST_NAMES_F);
const FM = textArray(FIRST_NAMES_M);
const FAMILY = textArray(["celibataire", "couple", "marie", "pacse", "separe"]);
const MAGISTRATES = textArray(MAGISTRATE_FUNCTIONS);
const FIELDS = textArray(["cjse", "enquete_personnalite", "mediation_penale", "esr", "sursis_probatoire"]);

async function exec(db: Db, text: string): Promise<number> {
  const result = (await db.execute(sql.raw(text))) as unknown as {
    rowCount?: number | null;
    affectedRows?: number;
  };
  return Number(result.rowCount ?? result.affectedRows ?? 0);
}

/** Builds the whole data set into an empty, migrated database holding its reference data. */
export async function generateScaleData(db: Db, options: GenerateOptions): Promise<GenerateResult> {
  const log = options.log ?? (() => {});
  const { persons: P, measures: M } = options;
  const T = `date '${options.today}'`;
  const plans = planAssociations(options.associations, P, M);
  const layers = Math.ceil(M / P);
  const steps: GenerateResult["steps"] = [];
  const started = performance.now();
  // Each step is one transaction in which the foreign-key triggers are off (session_replication_role,
  // owner connection only): a bulk load's checks row by row would take most of the time. Every foreign key
  // is checked afterwards in one pass per constraint (checkForeignKeys); unique, not-null and check
  // constraints stay enforced during the load.
  const step = async (name: string, ...statements: string[]) => {
    const t0 = performance.now();
    let rows = 0;
    await db.transaction(async (tx) => {
      await tx.execute(sql.raw("set local session_replication_role = replica"));
      for (const s of statements) rows += await exec(tx as unknown as Db, s);
    });
    const seconds = (performance.now() - t0) / 1000;
    steps.push({ step: name, rows, seconds });
    log(`${name.padEnd(24)} ${String(rows).padStart(10)} lignes ${seconds.toFixed(1).padStart(7)} s`);
  };

  const demo = await seedDemoAccounts(db, options.password);
  const passwordHash = (await hashPassword(options.password)).replaceAll("'", "''");
  const u = (email: string) => demo.users[email]?.id ?? "";

  await exec(db, "drop table if exists bench_assoc, bench_service, bench_staff, bench_partner");
  await exec(
    db,
    `create table bench_assoc (n int primary key, id uuid, p_from int not null, p_to int not null,
      n_staff int not null, n_services int not null, postal text, city text, dept text, court_id text)`,
  );
  await exec(db, "create table bench_service (n int, k int, id uuid not null, primary key (n, k))");
  await exec(db, "create table bench_staff (n int, k int, user_id uuid not null, primary key (n, k))");
  await exec(
    db,
    "create table bench_partner (association_id uuid, k int, id uuid not null, primary key (association_id, k))",
  );
  const towns = TOWNS.map(
    ([postal, city, dept], i) => `(${i}, '${postal}', '${city.replaceAll("'", "''")}', '${dept}')`,
  );
  await exec(
    db,
    `insert into bench_assoc (n, p_from, p_to, n_staff, n_services, postal, city, dept)
     select v.n, v.p_from, v.p_to, v.n_staff, v.n_services, t.postal, t.city, t.dept
     from (values ${plans.map((p) => `(${p.n}, ${p.pFrom}, ${p.pTo}, ${p.staff}, ${p.services})`).join(",")})
       v(n, p_from, p_to, n_staff, n_services)
     join (values ${towns.join(",")}) t(i, postal, city, dept) on t.i = (v.n - 1) % ${TOWNS.length}`,
  );
  await step(
    "associations",
    `insert into associations (name, siret, address_line, postal_code, city, departement_code, court_of_appeal_id,
       fields_of_intervention, email, member_since)
     select 'Association socio-judiciaire de ' || b.city || ' n° ' || b.n, lpad((90000000000000 + b.n)::text, 14, '0'),
       b.n || ' rue de l''Exemple', b.postal, b.city, b.dept,
       (select ca.id from courts_of_appeal ca where b.dept = any(ca.departements) order by ca.id limit 1),
       ${FIELDS}, 'contact@a' || b.n || '.bench.parcours.invalid', 1980 + b.n % 40
     from bench_assoc b where b.n >= 3`,
  );
  await exec(
    db,
    `update bench_assoc b set id = case b.n when 1 then '${demo.associationIds.gironde}'::uuid
       when 2 then '${demo.associationIds.moselle}'::uuid
       else (select a.id from associations a where a.siret = lpad((90000000000000 + b.n)::text, 14, '0')) end`,
  );
  await exec(
    db,
    `update bench_assoc b set court_id = coalesce(
       (select jc.id from judicial_courts jc where b.dept = any(jc.departements) order by jc.kind, jc.id limit 1),
       (select min(id) from judicial_courts))`,
  );

  // Services: Gironde keeps its two demo services (adultes first: the demo chef's team) and gets more if needed.
  await step(
    "services",
    `insert into services (association_id, name)
     select b.id, 'Service socio-judiciaire n° ' || k from bench_assoc b cross join generate_series(1, b.n_services) k
     where not (b.n = 1 and k <= 2)`,
    `insert into bench_service (n, k, id)
     select b.n, k, s.id from bench_assoc b cross join generate_series(1, b.n_services) k
     join services s on s.association_id = b.id and s.name = 'Service socio-judiciaire n° ' || k`,
  );
  const serviceOf = (name: string) =>
    `(select id from services where association_id = '${demo.associationIds.gironde}' and name = '${name}')`;
  await exec(
    db,
    `insert into bench_service values (1, 1, ${serviceOf("Service socio-judiciaire adultes")}), (1, 2, ${serviceOf("Service mineurs")})`,
  );

  const person = (who: string, salt: number) =>
    `case when ${pick(who, salt, 100)} < 45 then (${FF})[1 + ${pick(who, salt + 1, FIRST_NAMES_F.length)}]
      else (${FM})[1 + ${pick(who, salt + 2, FIRST_NAMES_M.length)}] end,
      (${LN})[1 + ${pick(who, salt + 3, LAST_NAMES.length)}]`;
  await step(
    "comptes",
    `insert into users (email, password_hash, first_name, last_name, role, association_id, service_id, password_set_at)
     select 'intervenant.' || b.n || '.' || g.i || '@bench.parcours.invalid', '${passwordHash}', ${person("b.n * 1000 + g.i", 1)},
       'intervenant', b.id, s.id, now()
     from bench_assoc b cross join generate_series(1, b.n_staff) g(i)
     left join bench_service s on s.n = b.n and s.k = 1 + (g.i - 1) % b.n_services
     where not (b.n <= 2 and g.i = 1)`,
    `insert into users (email, password_hash, first_name, last_name, role, association_id, service_id, password_set_at)
     select 'chef.' || s.n || '.' || s.k || '@bench.parcours.invalid', '${passwordHash}', ${person("s.n * 1000 + s.k", 11)},
       'chef_service', b.id, s.id, now()
     from bench_service s join bench_assoc b on b.n = s.n where not (s.n = 1 and s.k = 1)`,
    `insert into users (email, password_hash, first_name, last_name, role, association_id, password_set_at)
     select 'direction.' || b.n || '@bench.parcours.invalid', '${passwordHash}', ${person("b.n", 21)}, 'direction', b.id, now()
     from bench_assoc b where b.n >= 3`,
    `insert into bench_staff (n, k, user_id)
     select b.n, k, u.id from bench_assoc b cross join generate_series(1, b.n_staff) k
     join users u on u.email = 'intervenant.' || b.n || '.' || k || '@bench.parcours.invalid'`,
    `insert into bench_staff (n, k, user_id) select 1, 1, '${u("intervenant@demo.parcours.fr")}'::uuid
     union all select 2, 1, '${u("intervenant2@demo.parcours.fr")}'::uuid where exists (select 1 from bench_assoc where n = 2)`,
  );

  await step(
    "personnes",
    `insert into persons (id, association_id, last_name, used_name, first_name, birth_date, birth_place, sex, address_line,
       postal_code, city, phone, reminder_consent, family_situation, created_at, updated_at)
     select md5('p' || x.p)::uuid, x.id,
       case when ${pick("x.p", 2, 100)} < 4
         then (${LN})[1 + ${pick("x.p", 3, LAST_NAMES.length)}] || '-' || (${LN})[1 + ${pick("x.p", 4, LAST_NAMES.length)}]
         else (${LN})[1 + ${pick("x.p", 5, LAST_NAMES.length)}] end,
       case when x.f and ${pick("x.p", 6, 100)} < 15 then (${LN})[1 + ${pick("x.p", 7, LAST_NAMES.length)}] end,
       case when x.f then (${FF})[1 + ${pick("x.p", 8, FIRST_NAMES_F.length)}]
         else (${FM})[1 + ${pick("x.p", 9, FIRST_NAMES_M.length)}] end,
       date '1950-01-01' + ${pick("x.p", 10, 21000)}, x.city, case when x.f then 'F' else 'M' end,
       (1 + ${pick("x.p", 11, 180)}) || ' rue de l''Exemple', x.postal, x.city,
       '01 99 00 ' || lpad(${pick("x.p", 12, 100)}::text, 2, '0') || ' ' || lpad(${pick("x.p", 13, 100)}::text, 2, '0'),
       ${pick("x.p", 14, 3)} = 0, case when ${pick("x.p", 15, 6)} < 5 then (${FAMILY})[1 + ${pick("x.p", 16, 5)}] end,
       now(), now()
     from (select b.*, p, ${pick("p", 1, 100)} < 18 as f
           from bench_assoc b cross join lateral generate_series(b.p_from, b.p_to) p) x`,
  );

  const measureBase = (open: boolean) => `
    with t as (select array_agg(code order by sort_order, code) as codes from measure_types where active),
    base as (
      select gg.g, b.id as association_id, b.n, b.n_staff, b.court_id,
        md5('p' || ((gg.g - 1) % ${P} + 1))::uuid as person_id,
        t.codes[1 + ${pick("gg.g", 20, "cardinality(t.codes)")}] as type_code,
        ${T} - ${open ? pick("gg.g", 21, 200) : `(200 + ${pick("gg.g", 21, 3800)})`} as received
      from bench_assoc b cross join t cross join generate_series(0, ${layers - 1}) layer
      cross join lateral generate_series(b.p_from, b.p_to) p
      cross join lateral (select layer * ${P} + p as g) gg
      where gg.g <= ${M} and gg.g % ${OPEN_EVERY} ${open ? "=" : "<>"} 0),
    ranked as (select base.*, row_number() over (partition by base.n order by base.g) as rn from base)`;
  const common = `r.association_id, r.person_id, to_char(r.received, 'YYYY') || '-' || lpad(r.g::text, 7, '0'), r.type_code,
    (${MAGISTRATES})[1 + ${pick("r.g", 22, MAGISTRATE_FUNCTIONS.length)}],
    case when ${pick("r.g", 23, 3)} > 0 then (${LN})[1 + ${pick("r.g", 24, LAST_NAMES.length)}] end, r.court_id,
    to_char(r.received, 'YY') || lpad(${pick("r.g", 25, 999999)}::text, 8, '0'),
    r.received - ${pick("r.g", 26, 15)}, r.received, s.user_id`;
  const columns = `association_id, person_id, number, type_code, magistrate_function, magistrate_name, court_id,
    proceedings_number, decision_date, received_date, referent_id, report_due_date, end_date, status, status_date,
    report_submitted_on, closed_on, outcome_code, created_by, created_at, updated_at`;
  await step(
    "mesures clôturées",
    `${measureBase(false)}
     insert into measures (${columns})
     select ${common}, r.received + 60, case when ${pick("r.g", 27, 2)} = 0 then r.received + 180 end, 'cloturee', c.closed,
       greatest(r.received, c.closed - ${pick("r.g", 28, 20)}), c.closed, mt.outcomes->0->>'code', s.user_id,
       r.received::timestamptz, c.closed::timestamptz
     from ranked r join measure_types mt on mt.code = r.type_code
     join bench_staff s on s.n = r.n and s.k = 1 + ${pick("r.g", 29, "r.n_staff")}
     cross join lateral (select least(r.received + 30 + ${pick("r.g", 30, 330)}, ${T} - 1) as closed) c`,
  );
  await step(
    "mesures en cours",
    `${measureBase(true)}
     insert into measures (${columns})
     select ${common}, r.received + 30 + ${pick("r.g", 31, 60)},
       case when ${pick("r.g", 32, 10)} < 6 then r.received + 180 + ${pick("r.g", 33, 185)} end,
       x.status, case x.status when 'recue' then r.received when 'en_cours' then least(r.received + 7, ${T})
         else least(r.received + 45, ${T}) end,
       case when x.status = 'rapport_remis' then least(r.received + 45, ${T}) end, null, null, s.user_id,
       r.received::timestamptz, now()
     from ranked r join bench_staff s on s.n = r.n and s.k = 1 + (r.rn - 1) % r.n_staff
     cross join lateral (select case when ${pick("r.g", 34, 100)} < 8 then 'recue'
       when ${pick("r.g", 34, 100)} < 85 then 'en_cours' else 'rapport_remis' end as status) x`,
  );
  await step(
    "changements de statut",
    `insert into measure_status_changes (association_id, measure_id, from_status, to_status, changed_on, changed_by, at)
     select m.association_id, m.id, 'en_cours', 'cloturee', m.closed_on, m.referent_id, m.closed_on::timestamptz
     from measures m where m.status = 'cloturee'`,
    `insert into measure_status_changes (association_id, measure_id, from_status, to_status, changed_on, changed_by, at)
     select m.association_id, m.id, v.from_status, v.to_status, v.on_date, m.referent_id, v.on_date::timestamptz
     from measures m cross join lateral (values (null, 'recue', m.received_date, true),
       ('recue', 'en_cours', least(m.received_date + 7, ${T}), m.status <> 'recue'),
       ('en_cours', 'rapport_remis', m.report_submitted_on, m.status = 'rapport_remis')) v(from_status, to_status, on_date, wanted)
     where m.status <> 'cloturee' and v.wanted`,
  );
  await generateFollowUp({ today: options.today, step });
  await exec(db, "drop table bench_assoc, bench_service, bench_staff, bench_partner");
  let t0 = performance.now();
  const checked = await checkForeignKeys(db);
  log(
    `${"clés étrangères".padEnd(24)} ${String(checked).padStart(10)} contrôlées ${((performance.now() - t0) / 1000).toFixed(1).padStart(4)} s`,
  );
  t0 = performance.now();
  await exec(db, "analyze");
  log(
    `${"analyze".padEnd(24)} ${"".padStart(10)}        ${((performance.now() - t0) / 1000).toFixed(1).padStart(7)} s`,
  );
  return {
    plans,
    associationIds: demo.associationIds,
    steps,
    seconds: (performance.now() - started) / 1000,
  };
}

/**
 * Every foreign key of the schema checked in one anti-join per constraint (the load ran without the
 * row-by-row triggers). Throws, naming the constraint, when a row points to nothing. Returns how many
 * constraints were checked.
 */
export async function checkForeignKeys(db: Db): Promise<number> {
  const result = (await db.execute(
    sql.raw(`select c.conname as name, c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent,
       array(select a.attname::text from unnest(c.conkey) with ordinality k(n, i)
             join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.n order by k.i) as cols,
       array(select a.attname::text from unnest(c.confkey) with ordinality k(n, i)
             join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.n order by k.i) as pcols
     from pg_constraint c where c.contype = 'f' and c.connamespace = 'public'::regnamespace order by 1`),
  )) as unknown as {
    rows: { name: string; child: string; parent: string; cols: string[]; pcols: string[] }[];
  };
  for (const fk of result.rows) {
    const notNull = fk.cols.map((c) => `x."${c}" is not null`).join(" and ");
    const match = fk.cols.map((c, i) => `p."${fk.pcols[i]}" = x."${c}"`).join(" and ");
    const orphans = (await db.execute(
      sql.raw(`select count(*)::int as n from ${fk.child} x where ${notNull}
        and not exists (select 1 from ${fk.parent} p where ${match})`),
    )) as unknown as { rows: { n: number }[] };
    if ((orphans.rows[0]?.n ?? 0) > 0)
      throw new Error(
        `clé étrangère ${fk.name} : ${orphans.rows[0]?.n} lignes de ${fk.child} sans ${fk.parent}`,
      );
  }
  return result.rows.length;
}
