import type { DemoAccounts } from "./accounts.ts";

/** What every part of the demo data receives: the accounts created first and today's date. */
export interface DemoContext {
  accounts: DemoAccounts;
  today: string;
  /** The id of a demo account by e-mail. */
  userId(email: string): string;
}
