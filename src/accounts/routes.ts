/**
 * Login and logout.
 *   GET/POST /connexion                 log in (throttled per account and address, per address)
 *   GET/POST /connexion/mot-de-passe    first login of an account: choose one's own password
 *   POST     /deconnexion               log out
 * Password pages (my account, forgotten password, reset links) are in password-routes.ts.
 */
import { eq } from "drizzle-orm";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { Type } from "typebox";
import { checkPassword, findUserForLogin, hashPassword } from "../platform/auth.ts";
import type { Db } from "../platform/db.ts";
import { type FormErrors, normalizeForm, validateForm } from "../platform/forms.ts";
import { pageChrome, redirectWithFlash, sendPage } from "../platform/page.ts";
import { loginPage } from "./login-view.tsx";
import { passwordRoutes } from "./password-routes.ts";
import { attemptCounts, recordRefusedLogin, recordSuccessfulLogin, setPassword } from "./queries.ts";
import { closeMailer } from "./reset-mail.ts";
import { passwordProblem, safeBack, throttleDecision, throttleMessage } from "./rules.ts";
import { users } from "./tables.ts";
import { choosePasswordPage } from "./views.tsx";

declare module "fastify" {
  interface Session {
    /** An account whose password was right but who must choose their own before anything else. */
    pendingUserId?: string | undefined;
    pendingSince?: number | undefined;
    pendingBack?: string | undefined;
  }
}

const LoginForm = Type.Object({
  email: Type.String({
    minLength: 3,
    maxLength: 254,
    pattern: "^[^@\\s]+@[^@\\s]+$",
    requiredMessage: "Saisissez votre adresse e-mail",
    errorMessage: "Saisissez une adresse e-mail valide, par exemple nom@association.fr",
  }),
  password: Type.String({ minLength: 1, maxLength: 200, requiredMessage: "Saisissez votre mot de passe" }),
});

/** The page to choose a password stays open this long after the login with the provisional one. */
const PENDING_MINUTES = 15;

/**
 * Checks a chosen password and its confirmation; French messages at the fields. `words` are the
 * person's name and e-mail, which make a password easy to guess.
 */
export function newPasswordErrors(values: Record<string, unknown>, words: string[]): FormErrors {
  const errors: FormErrors = {};
  const password = typeof values.newPassword === "string" ? values.newPassword : "";
  if (!password) errors.newPassword = "Saisissez le nouveau mot de passe";
  else {
    const problem = passwordProblem(password, words);
    if (problem) errors.newPassword = problem;
  }
  if (!values.confirmation) errors.confirmation = "Saisissez à nouveau le nouveau mot de passe";
  else if (password && values.confirmation !== password)
    errors.confirmation = "La confirmation ne correspond pas au nouveau mot de passe";
  return errors;
}

async function pendingAccount(db: Db, request: FastifyRequest) {
  const id = request.session.get("pendingUserId");
  const since = request.session.get("pendingSince") ?? 0;
  if (!id || Date.now() - since > PENDING_MINUTES * 60_000) return null;
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row?.active && !row.passwordSetAt ? row : null;
}

export async function accountRoutes(app: FastifyInstance) {
  const { db } = app.deps.database;
  app.addHook("onClose", async () => closeMailer(app.deps));

  app.get("/connexion", { config: { public: true } }, async (request, reply) => {
    if (request.user) return reply.redirect("/", 303);
    const back = safeBack((request.query as { retour?: string }).retour);
    return sendPage(reply, loginPage({ chrome: pageChrome(request, reply), back, errors: {} }));
  });

  app.post(
    "/connexion",
    { config: { public: true, rateLimit: { max: 20, timeWindow: "1 minute" } } },
    async (request, reply) => {
      const values = normalizeForm(request.body);
      const back = safeBack(values.retour);
      const email = typeof values.email === "string" ? values.email.toLowerCase() : undefined;
      const show = (errors: Record<string, string>, status: number) =>
        sendPage(reply, loginPage({ chrome: pageChrome(request, reply), email, back, errors }), status);

      const form = validateForm(LoginForm, values);
      if (!form.ok || !email) return show(form.errors as Record<string, string>, 422);

      const ip = request.ip;
      const user = await findUserForLogin(db, email);
      const known = user ? { id: user.id, associationId: user.associationId } : null;
      const decision = throttleDecision(await attemptCounts(db, email, ip), new Date());
      if (!decision.allowed) {
        await recordRefusedLogin(db, { email, ip, reason: decision.reason, user: known });
        return show({ email: throttleMessage(decision) }, 429);
      }
      const ok = await checkPassword(user?.active ? user.passwordHash : null, form.data.password);
      if (!ok || !user) {
        const reason = !user ? "compte_inconnu" : !user.active ? "compte_desactive" : "mot_de_passe";
        await recordRefusedLogin(db, { email, ip, reason, user: known });
        return show({ email: "Adresse e-mail ou mot de passe incorrect" }, 422);
      }

      await request.session.regenerate();
      await recordSuccessfulLogin(db, user.id, email, ip);
      if (!user.passwordSetAt) {
        request.session.set("pendingUserId", user.id);
        request.session.set("pendingSince", Date.now());
        request.session.set("pendingBack", back);
        return reply.redirect("/connexion/mot-de-passe", 303);
      }
      request.session.set("userId", user.id);
      return reply.redirect(back ?? "/", 303);
    },
  );

  const showChoose = (request: FastifyRequest, reply: FastifyReply, errors: FormErrors, status = 200) =>
    sendPage(reply, choosePasswordPage(pageChrome(request, reply), errors), status);

  app.get("/connexion/mot-de-passe", { config: { public: true } }, async (request, reply) => {
    if (!(await pendingAccount(db, request))) return reply.redirect("/connexion", 303);
    return showChoose(request, reply, {});
  });

  app.post("/connexion/mot-de-passe", { config: { public: true } }, async (request, reply) => {
    const account = await pendingAccount(db, request);
    if (!account) return reply.redirect("/connexion", 303);
    const values = normalizeForm(request.body);
    const errors = newPasswordErrors(values, [account.firstName, account.lastName, account.email]);
    const password = String(values.newPassword ?? "");
    if (!errors.newPassword && (await checkPassword(account.passwordHash, password)))
      errors.newPassword = "Choisissez un mot de passe différent du mot de passe provisoire";
    if (Object.keys(errors).length > 0) return showChoose(request, reply, errors, 422);
    await setPassword(db, account.id, await hashPassword(password), null);
    const back = safeBack(request.session.get("pendingBack"));
    await request.session.regenerate();
    request.session.set("userId", account.id);
    return redirectWithFlash(request, reply, back ?? "/", "Votre mot de passe est enregistré.");
  });

  app.post("/deconnexion", async (request, reply) => {
    await request.session.destroy();
    return reply.redirect("/connexion", 303);
  });

  await app.register(passwordRoutes);
}
