/**
 * What hangs from each open measure of the scale data set, in the proportions of a real caseload:
 * 1 to 3 obligations with their monthly proofs (about one in six missing) and a finding, an appointment
 * every three weeks since the mandate plus the next one, an assessment over the nine domains, one or two
 * plan objectives with 1 to 3 actions (some late), an incident for about 8 % of them; partners per
 * association. Closed measures keep only their dates and statuses (their history is not read by the pages).
 */

import { PLAN_DOMAINS } from "../src/action-plans/tables.ts";
import { ASSESSMENT_DOMAINS } from "../src/assessments/tables.ts";
import { PROOF_KINDS } from "../src/obligations/tables.ts";
import { ACTION_PLAN_TITLES } from "./data-follow-up-labels.ts";
import { pick, textArray } from "./data-plan.ts";

type Step = (name: string, ...statements: string[]) => Promise<void>;

const H = "hashtext(m.id::text)";

export async function generateFollowUp(options: { today: string; step: Step }) {
  const { step } = options;
  const T = `date '${options.today}'`;
  const open = "m.status <> 'cloturee'";
  const started = "m.status <> 'recue'";

  await step(
    "partenaires",
    `insert into partners (association_id, kind, name, court_id, contact_name, phone, address)
     select a.id, v.kind, v.name || ' ' || coalesce(a.city, ''), case when v.kind = 'spip' then null end,
       null, '01 99 00 00 ' || lpad(v.k::text, 2, '0'), v.k || ' avenue de l''Exemple'
     from bench_assoc b join associations a on a.id = b.id cross join (values (0, 'spip', 'SPIP de'), (1, 'emploi', 'France Travail'),
       (2, 'soins', 'CSAPA de'), (3, 'hebergement', 'CHRS de'), (4, 'emploi', 'Mission locale de'),
       (5, 'soins', 'CMP de'), (6, 'service_social', 'CCAS de'), (7, 'association', 'France Victimes de'))
       v(k, kind, name)`,
    `insert into bench_partner (association_id, k, id)
     select p.association_id, v.k, p.id from partners p
     join (values (0, 'SPIP de'), (1, 'France Travail'), (2, 'CSAPA de'), (3, 'CHRS de'), (4, 'Mission locale de'),
       (5, 'CMP de'), (6, 'CCAS de'), (7, 'France Victimes de')) v(k, prefix) on p.name like v.prefix || ' %'`,
  );
  await step(
    "obligations",
    `with so as (select array_agg(code order by code) as codes from statutory_obligations where active)
     insert into obligations (association_id, measure_id, statutory_code, label, kind, start_date, proof_required,
       first_proof_due, proof_interval_days, created_by, created_at)
     select m.association_id, m.id, s.code, s.label, s.kind, m.received_date, s.kind = 'obligation',
       case when s.kind = 'obligation' then m.received_date + 30 end, case when s.kind = 'obligation' then 30 end,
       m.referent_id, m.received_date::timestamptz
     from measures m cross join so cross join lateral generate_series(1, 1 + ${pick(H, 40, 3)}) k
     join statutory_obligations s on s.code = so.codes[1 + ${pick(`${H} + k`, 41, "cardinality(so.codes)")}]
     where ${open}`,
  );
  await step(
    "justificatifs",
    `insert into obligation_proofs (association_id, obligation_id, received_on, kind, description, recorded_by, created_at)
     select o.association_id, o.id, d.due - ${pick("hashtext(o.id::text) + k", 51, 5)},
       (${textArray(PROOF_KINDS)})[1 + ${pick("hashtext(o.id::text) + k", 52, PROOF_KINDS.length)}],
       'Justificatif du mois', o.created_by, d.due::timestamptz
     from obligations o cross join lateral generate_series(0, (${T} - o.first_proof_due) / 30) k
     cross join lateral (select o.first_proof_due + k * 30 as due) d
     where o.proof_required and o.first_proof_due <= ${T} and ${pick("hashtext(o.id::text) + k", 50, 6)} <> 0`,
    `insert into obligation_compliance (association_id, obligation_id, period_start, period_end, status, assessed_by)
     select o.association_id, o.id, o.start_date, o.start_date + 29,
       (array['respectee', 'respectee', 'respectee', 'respectee', 'respectee', 'respectee', 'respectee',
         'partielle', 'non_respectee', 'non_justifiee'])[1 + ${pick("hashtext(o.id::text)", 53, 10)}], o.created_by
     from obligations o where o.start_date <= ${T} - 60`,
  );
  const at = (day: string, salt: string) =>
    `((${day}) + make_time(9 + ${pick(salt, 61, 8)}, 30 * ${pick(salt, 62, 2)}, 0)) at time zone 'Europe/Paris'`;
  const appointmentColumns = `association_id, measure_id, person_id, starts_at, duration_minutes, place, kind, staff_id,
    attendance, created_by, created_at`;
  await step(
    "rendez-vous",
    `insert into appointments (${appointmentColumns})
     select m.association_id, m.id, m.person_id, ${at("m.received_date + 7 + k * 21", `${H} + k`)}, 60,
       case when ${pick(`${H} + k`, 63, 10)} = 0 then 'domicile' else 'service' end,
       case when ${pick(`${H} + k`, 63, 10)} = 0 then 'visite_domicile' else 'entretien' end, m.referent_id,
       (array['present', 'present', 'present', 'present', 'present', 'present', 'present', 'present', 'excuse', 'absent'])
         [1 + ${pick(`${H} + k`, 64, 10)}], m.referent_id, m.received_date::timestamptz
     from measures m cross join lateral generate_series(0, least(8, (${T} - m.received_date - 8) / 21)) k
     where ${open}`,
    `insert into appointments (${appointmentColumns})
     select m.association_id, m.id, m.person_id, ${at(`${T} + 1 + ${pick(H, 65, 13)}`, H)}, 60, 'service', 'entretien',
       m.referent_id, null, m.referent_id, now()
     from measures m where ${open}`,
  );
  await step(
    "évaluations",
    `insert into assessments (association_id, measure_id, assessed_on, author_id, summary, created_at)
     select m.association_id, m.id, least(m.received_date + 14, ${T}), m.referent_id,
       'Évaluation initiale de la situation.', least(m.received_date + 14, ${T})::timestamptz
     from measures m where ${open} and ${started}`,
    `insert into assessment_domains (association_id, assessment_id, domain, level, needs)
     select a.association_id, a.id, d.domain,
       (array['aucune', 'aucune', 'difficulte', 'difficulte', 'majeure', 'non_evaluee'])[1 + ${pick("hashtext(a.id::text || d.domain)", 70, 6)}],
       null
     from assessments a cross join unnest(${textArray(ASSESSMENT_DOMAINS)}) d(domain)`,
  );
  await step(
    "plans d'action",
    `insert into plan_objectives (association_id, measure_id, domain, title, status, due_date, created_by, created_at)
     select m.association_id, m.id, (${textArray(PLAN_DOMAINS)})[x.i], (${textArray(PLAN_DOMAINS.map((d) => ACTION_PLAN_TITLES[d].objective))})[x.i],
       'en_cours', m.received_date + 120, m.referent_id, least(m.received_date + 14, ${T})::timestamptz
     from measures m cross join lateral generate_series(1, 1 + ${pick(H, 71, 2)}) k
     cross join lateral (select 1 + ${pick(`${H} + k`, 72, PLAN_DOMAINS.length)} as i) x
     where ${open} and ${started}`,
    `insert into plan_actions (association_id, objective_id, description, partner_id, due_date, status, done_on, created_at)
     select o.association_id, o.id, (${textArray(PLAN_DOMAINS.map((d) => ACTION_PLAN_TITLES[d].action))})[array_position(${textArray(PLAN_DOMAINS)}, o.domain)],
       bp.id, x.due, x.status, case when x.status = 'atteint' then least(x.due, ${T}) end, o.created_at
     from plan_objectives o cross join lateral generate_series(1, 1 + ${pick("hashtext(o.id::text)", 73, 3)}) g(i)
     cross join lateral (select ${T} - 30 + ${pick("hashtext(o.id::text) + g.i", 74, 90)} as due,
       case when ${pick("hashtext(o.id::text) + g.i", 75, 100)} < 15 then 'atteint'
         when ${pick("hashtext(o.id::text) + g.i", 75, 100)} < 55 then 'en_cours' else 'a_faire' end as status) x
     left join bench_partner bp on bp.association_id = o.association_id and bp.k = ${pick("hashtext(o.id::text) + g.i", 76, 12)}`,
  );
  await step(
    "incidents",
    `insert into incidents (association_id, measure_id, occurred_on, kind, description, created_by)
     select m.association_id, m.id, least(m.received_date + 20, ${T}), v.kind, v.description, m.referent_id
     from measures m cross join lateral (select (array['absence', 'obligation_non_respectee', 'comportement'])[1 + ${pick(H, 81, 3)}] as kind,
       (array['Absence non excusée à l''entretien.', 'Justificatif de soins non fourni malgré la relance.',
         'Propos menaçants envers l''accueil du service.'])[1 + ${pick(H, 81, 3)}] as description) v
     where ${open} and ${started} and ${pick(H, 80, 100)} < 8`,
  );
}
