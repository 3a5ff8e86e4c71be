/**
 * The candidate's private tracking link: revoked by the training service (the link stops opening the
 * dossier), issued again (a new random token), and sent by e-mail when SMTP_URL is set.
 */
import { eq } from "drizzle-orm";
import { mailerOf } from "../accounts/reset-mail.ts";
import type { AppDeps } from "../platform/app.ts";
import type { Tx } from "../platform/db.ts";
import { newTrackingToken } from "./queries.ts";
import type { Mention } from "./reference.ts";
import { cncCandidacies } from "./tables.ts";

/** The address of a tracking link, on the public address of Parcours. */
export function trackingUrl(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, "")}/cnc/suivi/${token}`;
}

/** The e-mail carrying the link, in French: after an application, or a new link from the service. */
export function trackingLinkMessage(
  firstName: string,
  url: string,
  mentions: readonly Mention[],
  why: "candidature" | "nouveau_lien",
) {
  const list = mentions.join(", ");
  const intro =
    why === "candidature"
      ? `Votre candidature au certificat national de compétence (mention${mentions.length > 1 ? "s" : ""} ${list}) a bien été enregistrée.`
      : "Le service formation vous envoie un nouveau lien de suivi de votre candidature ; l'ancien lien ne fonctionne plus.";
  return {
    subject: "Parcours : le lien de suivi de votre candidature CNC",
    text: [
      `Bonjour ${firstName},`,
      "",
      intro,
      "Ce lien personnel vous permet de suivre votre dossier, de déposer les pièces manquantes et, le cas échéant, de contester la décision de la commission :",
      url,
      "",
      "Gardez-le pour vous : toute personne qui le détient peut consulter votre dossier.",
      "",
      "Le service formation",
    ].join("\n"),
  };
}

/** Sends the link when SMTP_URL is set and the candidate has an address; returns whether it was sent. */
export async function mailTrackingLink(
  deps: AppDeps,
  to: { email: string | null; firstName: string },
  token: string,
  mentions: readonly Mention[],
  why: "candidature" | "nouveau_lien",
): Promise<boolean> {
  const mailer = mailerOf(deps);
  if (!mailer || !to.email) return false;
  await mailer.sendMail({
    from: deps.config.mailFrom,
    to: to.email,
    ...trackingLinkMessage(to.firstName, trackingUrl(deps.config.publicUrl, token), mentions, why),
  });
  return true;
}

/** Revokes the link of every dossier of the candidate: the old links stop opening them. */
export async function revokeLinks(tx: Tx, candidateId: string): Promise<void> {
  await tx
    .update(cncCandidacies)
    .set({ trackingToken: null, updatedAt: new Date() })
    .where(eq(cncCandidacies.candidateId, candidateId));
}

/**
 * Gives every dossier of the candidate a new token (the old ones stop working) and returns the one to
 * send: any of them opens the page of all the candidate's dossiers.
 */
export async function reissueLinks(tx: Tx, candidateId: string): Promise<string> {
  const rows = await tx
    .select({ id: cncCandidacies.id })
    .from(cncCandidacies)
    .where(eq(cncCandidacies.candidateId, candidateId))
    .orderBy(cncCandidacies.mention);
  let first = "";
  for (const row of rows) {
    const token = newTrackingToken();
    first ||= token;
    await tx
      .update(cncCandidacies)
      .set({ trackingToken: token, updatedAt: new Date() })
      .where(eq(cncCandidacies.id, row.id));
  }
  return first;
}

/** A dossier moved to another commission: that commission examines it (and decides) again. */
export async function moveToCommission(tx: Tx, candidacyId: string, commissionId: string): Promise<void> {
  await tx
    .update(cncCandidacies)
    .set({ status: "en_commission", commissionId, presentedAt: new Date(), updatedAt: new Date() })
    .where(eq(cncCandidacies.id, candidacyId));
}
