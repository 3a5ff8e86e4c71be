/** Every table of Parcours, for Drizzle and drizzle-kit. Each feature owns its tables.ts. */
export * from "../accounts/tables.ts";
export * from "../audit/tables.ts";
export * from "../measures/tables.ts";
export * from "../persons/tables.ts";
export * from "../reference/tables.ts";
