import { createMeasure } from "../src/measures/queries.ts";
import { createPerson } from "../src/persons/queries.ts";
import type { TenantTx } from "../src/platform/db.ts";

/** A person with only a name: every optional field empty. */
export function personNamed(lastName: string, firstName: string) {
  return {
    lastName,
    firstName,
    usedName: null,
    birthDate: null,
    birthPlace: null,
    sex: null,
    addressLine: null,
    postalCode: null,
    city: null,
    phone: null,
    email: null,
    reminderConsent: false,
    familySituation: null,
  };
}

/** A CJSE ordered by the juge d'instruction of Bordeaux, followed by `userId`. */
export function cjseMandate(
  userId: string,
  dates: { decisionDate: string; receivedDate: string; reportDueDate: string },
) {
  return {
    typeCode: "cjse",
    magistrateFunction: "Juge d'instruction",
    magistrateName: null,
    courtId: "tj33063",
    proceedingsNumber: null,
    referentId: userId,
    endDate: null,
    ...dates,
  };
}

/** Creates a person and one CJSE for them, inside a tenant transaction; returns both ids. */
export async function addPersonWithCjse(
  tx: TenantTx,
  userId: string,
  name: { lastName: string; firstName: string },
  dates: { decisionDate: string; receivedDate: string; reportDueDate: string },
): Promise<{ personId: string; measureId: string }> {
  const personId = await createPerson(tx, personNamed(name.lastName, name.firstName), userId);
  const measure = await createMeasure(tx, personId, cjseMandate(userId, dates), userId);
  return { personId, measureId: measure.id };
}
