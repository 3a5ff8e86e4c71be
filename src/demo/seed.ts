import { count } from "drizzle-orm";
import { associations } from "../accounts/tables.ts";
import type { Db } from "../platform/db.ts";
import { todayInParis } from "../platform/request-context.ts";
import { type DemoAccounts, seedDemoAccounts } from "./accounts.ts";
import { seedDemoFollowUp } from "./follow-up.ts";

/** True when the database holds no association yet: the first start of a new installation. */
export async function isEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(associations);
  return (row?.n ?? 0) === 0;
}

/** The whole demo data set, created once on the first start. */
export async function seedDemo(db: Db, password: string, today = todayInParis()): Promise<DemoAccounts> {
  const accounts = await seedDemoAccounts(db, password);
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
    { persons: 40, today, seed: 2026 },
  );
  await seedDemoFollowUp(
    db,
    { id: accounts.associationIds.moselle, courtId: "tj57463", departement: "57", moselle: true },
    { directionId: u("direction2@demo.parcours.fr"), referentIds: [u("intervenant2@demo.parcours.fr")] },
    { persons: 10, today, seed: 57 },
  );
  return accounts;
}
