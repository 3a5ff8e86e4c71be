import type { Db } from "../platform/db.ts";
import type { DemoContext } from "./context.ts";

export async function seedDemoAssessmentsAndPlans(_db: Db, _ctx: DemoContext): Promise<void> {}
