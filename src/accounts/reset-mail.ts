/** The e-mail carrying a link to choose a new password, and the app's SMTP transport for it. */
import type { AppDeps } from "../platform/app.ts";
import { createSmtpMailer, type Mailer } from "../platform/mail.ts";
import { RESET_TOKEN_MINUTES } from "./rules.ts";

/** The address of a reset link, on the public address of Parcours. */
export function resetLinkUrl(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, "")}/mot-de-passe/${token}`;
}

/** The message's subject and text, in French. */
export function resetLinkMessage(firstName: string, url: string, byAdministrator: boolean) {
  const why = byAdministrator
    ? "L'administrateur de Parcours vous envoie un lien pour choisir votre mot de passe."
    : "Vous avez demandé à choisir un nouveau mot de passe Parcours.";
  return {
    subject: "Parcours : choisir votre mot de passe",
    text: [
      `Bonjour ${firstName},`,
      "",
      why,
      `Ouvrez ce lien dans l'heure (il est valable ${RESET_TOKEN_MINUTES} minutes et ne sert qu'une fois) :`,
      url,
      "",
      "Si vous n'avez rien demandé, ignorez ce message : votre mot de passe reste inchangé.",
      "",
      "Parcours",
    ].join("\n"),
  };
}

const mailers = new WeakMap<object, Mailer>();

/** The SMTP transport of this app (one pooled transport, created at first use), or null without SMTP_URL. */
export function mailerOf(deps: AppDeps): Mailer | null {
  if (!deps.config.smtpUrl) return null;
  let mailer = mailers.get(deps);
  if (!mailer) {
    mailer = createSmtpMailer(deps.config.smtpUrl);
    mailers.set(deps, mailer);
  }
  return mailer;
}

export function closeMailer(deps: AppDeps): void {
  mailers.get(deps)?.close?.();
  mailers.delete(deps);
}

/** Sends a reset link to an account. */
export async function sendResetLink(
  deps: AppDeps,
  mailer: Mailer,
  account: { email: string; firstName: string },
  token: string,
  byAdministrator: boolean,
): Promise<void> {
  const url = resetLinkUrl(deps.config.publicUrl, token);
  await mailer.sendMail({
    from: deps.config.mailFrom,
    to: account.email,
    ...resetLinkMessage(account.firstName, url, byAdministrator),
  });
}
