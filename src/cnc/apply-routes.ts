/**
 * Public application to a CNC, for anyone, without an account (rate-limited, CSRF-protected):
 *   GET  /cnc/candidater   the three certificates with their conditions, and the application form
 *   POST /cnc/candidater   the candidate and one dossier per mention, created as the training service
 *                          creates them; the private tracking link is e-mailed (SMTP_URL) or, without
 *                          SMTP, shown on the confirmation page. The pieces are then uploaded from the
 *                          tracking page, one at a time.
 * A person who already has a dossier for a mention asked again is refused without being told whose:
 * they are sent back to their link or to the training service. Nothing typed is logged.
 */
import type { FastifyInstance, FastifyReply } from "fastify";
import type { Db } from "../platform/db.ts";
import { type FormErrors, hasErrors, mergeErrors, normalizeForm, validateForm } from "../platform/forms.ts";
import type { PageChrome } from "../platform/page.ts";
import { sendPage } from "../platform/page.ts";
import { todayInParis } from "../platform/request-context.ts";
import { appliedPage, applyPage } from "./apply-view.tsx";
import { buildDossier } from "./dossier.ts";
import { findLikelyCandidateDuplicates } from "./duplicates.ts";
import { CandidateForm, checkCandidate, toCandidateInput } from "./form.ts";
import { createCandidate, loadCandidacy, refreshOpenStatus } from "./queries.ts";
import { mailTrackingLink, trackingUrl } from "./tracking-link.ts";

/** A handful of applications per address and hour: enough for a family or an office, not for a robot. */
const applyLimited = { public: true, rateLimit: { max: 10, timeWindow: "1 hour" } };

/** The public pages show no account and no navigation. */
function publicChrome(reply: FastifyReply): PageChrome {
  return {
    user: null,
    nav: [],
    csrfToken: reply.generateCsrf(),
    nonce: (reply as FastifyReply & { cspNonce?: { script: string } }).cspNonce?.script,
    flash: null,
  };
}

/** What the public form asks beyond the training service's: an e-mail, the field of each job. */
export function checkApplication(
  values: Record<string, unknown>,
  input: ReturnType<typeof toCandidateInput>,
) {
  const errors: FormErrors = {};
  if (!input.email) errors.email = "Saisissez votre adresse e-mail : votre lien de suivi vous y est envoyé";
  for (const e of input.experiences) {
    if (e.field === null && !values[`exp${e.row}Field`])
      errors[`exp${e.row}Field`] = "Choisissez le domaine de cet emploi";
  }
  return errors;
}

export async function cncApplyRoutes(app: FastifyInstance): Promise<void> {
  const db: Db = app.deps.database.db;

  app.get("/cnc/candidater", { config: applyLimited }, async (_request, reply) =>
    sendPage(reply, applyPage({ chrome: publicChrome(reply), values: {}, errors: {} })),
  );

  app.post("/cnc/candidater", { config: applyLimited }, async (request, reply) => {
    const values = normalizeForm(request.body);
    // Linking to an account is the training service's decision, never the applicant's.
    delete values.userEmail;
    const form = validateForm(CandidateForm, values);
    const input = toCandidateInput(values);
    const today = todayInParis();
    const errors = mergeErrors(
      mergeErrors(form.errors, checkCandidate(input, values, today)),
      checkApplication(values, input),
    );
    reply.header("cache-control", "no-store");
    if (hasErrors(errors))
      return sendPage(reply, applyPage({ chrome: publicChrome(reply), values, errors }), 422);

    const outcome = await db.transaction(async (tx) => {
      if ((await findLikelyCandidateDuplicates(tx, input)).length > 0) return null;
      const created = await createCandidate(tx, input, null, null);
      for (const { id } of created.candidacies) {
        const details = await loadCandidacy(tx, id);
        if (!details) continue;
        const dossier = buildDossier({ ...details, today });
        await refreshOpenStatus(tx, details.candidacy, dossier.openStatus);
      }
      return created;
    });
    if (!outcome)
      return sendPage(
        reply,
        applyPage({
          chrome: publicChrome(reply),
          values,
          errors: {
            mentions:
              "Une candidature à cette mention est déjà enregistrée pour cette personne : suivez-la avec le lien de suivi reçu, ou demandez un nouveau lien au service formation",
          },
        }),
        422,
      );
    const token = outcome.candidacies[0]?.trackingToken;
    if (!token) throw new Error("no tracking token created");
    const mentions = outcome.candidacies.map((c) => c.mention);
    let sent = false;
    let mailFailed = false;
    try {
      sent = await mailTrackingLink(app.deps, input, token, mentions, "candidature");
    } catch (error) {
      mailFailed = true;
      request.log.warn({ code: (error as { code?: string }).code }, "tracking link e-mail not sent");
    }
    const path = `/cnc/suivi/${token}`;
    return sendPage(
      reply,
      appliedPage({
        chrome: publicChrome(reply),
        mentions,
        email: input.email ?? "",
        link: sent ? null : { path, url: trackingUrl(app.deps.config.publicUrl, token) },
        mailFailed,
      }),
      201,
    );
  });
}
