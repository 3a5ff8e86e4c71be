/** Every table of Parcours, for Drizzle and drizzle-kit. Each feature owns its tables.ts. */
export * from "../accounts/tables.ts";
export * from "../action-plans/tables.ts";
export * from "../appointments/tables.ts";
export * from "../assessments/tables.ts";
export * from "../audit/tables.ts";
export * from "../cisj/tables.ts";
export * from "../cnc/tables.ts";
export * from "../files/tables.ts";
export * from "../incidents/tables.ts";
export * from "../knowledge-tests/tables.ts";
export * from "../measures/tables.ts";
export * from "../obligations/tables.ts";
export * from "../partners/tables.ts";
export * from "../persons/tables.ts";
export * from "../reference/tables.ts";
export * from "../reports/tables.ts";
export * from "../training/tables.ts";
