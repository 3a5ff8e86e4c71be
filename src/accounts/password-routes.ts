/**
 * Passwords.
 *   GET      /mon-compte                my account
 *   POST     /mon-compte/mot-de-passe   change my password (current one required; my other sessions end)
 *   GET/POST /mot-de-passe-oublie       ask for a link by e-mail (the same answer for any address)
 *   GET/POST /mot-de-passe/:token       choose a new password through a link (one hour, single use)
 */
import { eq } from "drizzle-orm";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { checkPassword, findUserForLogin, hashPassword, ROLE_LABELS } from "../platform/auth.ts";
import { type FormErrors, normalizeForm } from "../platform/forms.ts";
import { pageChrome, redirectWithFlash, sendPage } from "../platform/page.ts";
import { currentUser } from "../platform/request-context.ts";
import {
  accountOfResetToken,
  attemptCounts,
  createResetToken,
  recordRefusedLogin,
  resetPasswordWithToken,
  setPassword,
} from "./queries.ts";
import { mailerOf, sendResetLink } from "./reset-mail.ts";
import { newPasswordErrors } from "./routes.ts";
import { throttleDecision, throttleMessage } from "./rules.ts";
import { users } from "./tables.ts";
import {
  accountPage,
  forgotPasswordPage,
  invalidLinkPage,
  passwordResetDonePage,
  resetPasswordPage,
} from "./views.tsx";

const EMAIL = /^[^@\s]+@[^@\s]+$/;
/** A token as issued (43 base64url characters); anything else is not looked up. */
const TOKEN = /^[A-Za-z0-9_-]{20,100}$/;

export async function passwordRoutes(app: FastifyInstance) {
  const { db } = app.deps.database;

  async function showAccount(request: FastifyRequest, reply: FastifyReply, errors: FormErrors, status = 200) {
    const user = currentUser(request);
    const [row] = await db.select({ email: users.email }).from(users).where(eq(users.id, user.id));
    return sendPage(
      reply,
      accountPage({
        chrome: pageChrome(request, reply),
        email: row?.email ?? user.email,
        roleLabel: ROLE_LABELS[user.role],
        associationName: user.associationName,
        errors,
      }),
      status,
    );
  }

  app.get("/mon-compte", async (request, reply) => showAccount(request, reply, {}));

  app.post("/mon-compte/mot-de-passe", async (request, reply) => {
    const user = currentUser(request);
    const values = normalizeForm(request.body);
    const account = await findUserForLogin(db, user.email);
    if (!account) return reply.redirect("/connexion", 303);
    const errors = newPasswordErrors(values, [user.firstName, user.lastName, user.email]);
    const current = typeof values.currentPassword === "string" ? values.currentPassword : "";
    if (!current) errors.currentPassword = "Saisissez votre mot de passe actuel";
    else {
      // The current password is guessed no faster here than on the login page.
      const decision = throttleDecision(await attemptCounts(db, account.email, request.ip), new Date());
      if (!decision.allowed) {
        await recordRefusedLogin(db, { email: account.email, ip: request.ip, reason: decision.reason, user });
        return showAccount(request, reply, { currentPassword: throttleMessage(decision) }, 429);
      }
      if (!(await checkPassword(account.passwordHash, current))) {
        await recordRefusedLogin(db, { email: account.email, ip: request.ip, reason: "mot_de_passe", user });
        errors.currentPassword = "Le mot de passe actuel est incorrect";
      }
    }
    if (Object.keys(errors).length > 0) return showAccount(request, reply, errors, 422);
    const password = String(values.newPassword);
    await setPassword(db, user.id, await hashPassword(password), request.session.sessionId);
    return redirectWithFlash(
      request,
      reply,
      "/mon-compte",
      "Votre mot de passe a été changé. Vos autres sessions ont été fermées.",
    );
  });

  app.get("/mot-de-passe-oublie", { config: { public: true } }, async (request, reply) =>
    sendPage(reply, forgotPasswordPage(pageChrome(request, reply), { errors: {}, sent: false })),
  );

  app.post(
    "/mot-de-passe-oublie",
    { config: { public: true, rateLimit: { max: 5, timeWindow: "1 minute" } } },
    async (request, reply) => {
      const values = normalizeForm(request.body);
      const email = typeof values.email === "string" ? values.email.toLowerCase() : "";
      const error = !email
        ? "Saisissez votre adresse e-mail"
        : email.length > 254 || !EMAIL.test(email)
          ? "Saisissez une adresse e-mail valide, par exemple nom@association.fr"
          : null;
      if (error) {
        const page = forgotPasswordPage(pageChrome(request, reply), {
          email,
          errors: { email: error },
          sent: false,
        });
        return sendPage(reply, page, 422);
      }
      const mailer = mailerOf(app.deps);
      if (!mailer) {
        // The link is never shown on the page: it would let anyone take over any account.
        request.log.warn("mot de passe oublié : aucun serveur d'e-mail (SMTP_URL), aucun lien envoyé");
      } else {
        const account = await findUserForLogin(db, email);
        const token = account?.active ? await createResetToken(db, account.id) : null;
        // Sent after the answer, so that the time taken does not tell whether the address has an account.
        if (account && token)
          sendResetLink(app.deps, mailer, account, token, false).catch(() =>
            request.log.warn("mot de passe oublié : l'e-mail n'a pas pu être envoyé"),
          );
      }
      return sendPage(reply, forgotPasswordPage(pageChrome(request, reply), { errors: {}, sent: true }));
    },
  );

  async function openLink(request: FastifyRequest) {
    const { token } = request.params as { token: string };
    if (!TOKEN.test(token)) return null;
    const account = await accountOfResetToken(db, token);
    return account ? { token, account } : null;
  }

  app.get("/mot-de-passe/:token", { config: { public: true } }, async (request, reply) => {
    const link = await openLink(request);
    const chrome = pageChrome(request, reply);
    if (!link) return sendPage(reply, invalidLinkPage(chrome), 410);
    return sendPage(reply, resetPasswordPage(chrome, { ...link, email: link.account.email, errors: {} }));
  });

  app.post(
    "/mot-de-passe/:token",
    { config: { public: true, rateLimit: { max: 10, timeWindow: "1 minute" } } },
    async (request, reply) => {
      const link = await openLink(request);
      if (!link) return sendPage(reply, invalidLinkPage(pageChrome(request, reply)), 410);
      const { account } = link;
      const values = normalizeForm(request.body);
      const errors = newPasswordErrors(values, [account.firstName, account.lastName, account.email]);
      if (Object.keys(errors).length > 0) {
        const page = resetPasswordPage(pageChrome(request, reply), { ...link, email: account.email, errors });
        return sendPage(reply, page, 422);
      }
      const done = await resetPasswordWithToken(
        db,
        link.token,
        await hashPassword(String(values.newPassword)),
      );
      if (!done) return sendPage(reply, invalidLinkPage(pageChrome(request, reply)), 410);
      // This browser's session, if any, belonged to someone: it starts again logged out.
      if (request.session.get("userId")) {
        await request.session.regenerate();
        request.user = null;
      }
      return sendPage(reply, passwordResetDonePage(pageChrome(request, reply)));
    },
  );
}
