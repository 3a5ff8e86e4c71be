import { type AnyColumn, getTableName, type SQL, sql } from "drizzle-orm";

/**
 * A column of the outer query written with its table's name (`"persons"."id"`), for a correlated
 * subquery in a select list. Drizzle writes the columns of a single-table select unqualified
 * (`"id"`): inside `(select count(*) from measures m where m.person_id = "id")` that name binds to
 * the inner table and the count is silently wrong. Use this for every outer column of a subquery.
 */
export function outer(column: AnyColumn): SQL {
  return sql`${sql.identifier(getTableName(column.table))}.${sql.identifier(column.name)}`;
}
