import { count } from "drizzle-orm";
import { associations } from "../accounts/tables.ts";
import type { Db } from "../platform/db.ts";
import { todayInParis } from "../platform/request-context.ts";
import { type DemoAccounts, seedDemoAccounts } from "./accounts.ts";
import { seedDemoAppointments } from "./appointments.ts";
import { seedDemoAssessmentsAndPlans } from "./assessments.ts";
import { seedDemoCisj } from "./cisj.ts";
import { seedDemoCnc } from "./cnc.ts";
import type { DemoContext } from "./context.ts";
import { seedDemoFollowUp } from "./follow-up.ts";
import { seedDemoObligations } from "./obligations.ts";
import { seedDemoReports } from "./reports.ts";
import { seedDemoTraining } from "./training.ts";

/** True when the database holds no association yet: the first start of a new installation. */
export async function isEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(associations);
  return (row?.n ?? 0) === 0;
}

/** The whole demo data set, created once on the first start. */
export async function seedDemo(db: Db, password: string, today = todayInParis()): Promise<DemoAccounts> {
  const accounts = await seedDemoAccounts(db, password);
  await seedDemoData(db, accounts, { today, persons: { gironde: 40, moselle: 10 } });
  return accounts;
}

/** Every feature's demo data for the demo accounts; tests ask for fewer persons. */
export async function seedDemoData(
  db: Db,
  accounts: DemoAccounts,
  options: { today: string; persons: { gironde: number; moselle: number } },
): Promise<void> {
  const { today } = options;
  const u = (email: string) => {
    const found = accounts.users[email];
    if (!found) throw new Error(`missing demo account ${email}`);
    return found.id;
  };
  await seedDemoFollowUp(
    db,
    { id: accounts.associationIds.gironde, courtId: "tj33063", departement: "33", moselle: false },
    {
      directionId: u("direction@demo.parcours.fr"),
      referentIds: [
        u("intervenant@demo.parcours.fr"),
        u("intervenant.adultes@demo.parcours.fr"),
        u("intervenant.mineurs@demo.parcours.fr"),
        u("chef@demo.parcours.fr"),
      ],
    },
    { persons: options.persons.gironde, today, seed: 2026 },
  );
  await seedDemoFollowUp(
    db,
    { id: accounts.associationIds.moselle, courtId: "tj57463", departement: "57", moselle: true },
    { directionId: u("direction2@demo.parcours.fr"), referentIds: [u("intervenant2@demo.parcours.fr")] },
    { persons: options.persons.moselle, today, seed: 57 },
  );
  const ctx: DemoContext = { accounts, today, userId: u };
  // Each part of the follow-up and of the training service adds its own demo data.
  await seedDemoAssessmentsAndPlans(db, ctx);
  await seedDemoAppointments(db, ctx);
  await seedDemoObligations(db, ctx);
  await seedDemoReports(db, ctx);
  await seedDemoTraining(db, ctx);
  await seedDemoCisj(db, ctx);
  await seedDemoCnc(db, ctx);
}
