import { eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { Type } from "typebox";
import {
  checkPassword,
  findUserForLogin,
  LOGIN_THROTTLE,
  recentFailures,
  recordLoginAttempt,
} from "../platform/auth.ts";
import { normalizeForm, validateForm } from "../platform/forms.ts";
import { pageChrome, sendPage } from "../platform/page.ts";
import { loginPage } from "./login-view.tsx";
import { users } from "./tables.ts";

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

/** Only local paths are followed after login, never another site. */
function safeBack(value: unknown): string | undefined {
  return typeof value === "string" && value.startsWith("/") && !value.startsWith("//") ? value : undefined;
}

export async function accountRoutes(app: FastifyInstance) {
  const { db } = app.deps.database;

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

      if ((await recentFailures(db, email)) >= LOGIN_THROTTLE.maxFailures) {
        return show(
          {
            email: `Trop de tentatives pour ce compte. Réessayez dans ${LOGIN_THROTTLE.windowMinutes} minutes.`,
          },
          429,
        );
      }
      const user = await findUserForLogin(db, email);
      const ok = await checkPassword(user?.active ? user.passwordHash : null, form.data.password);
      await recordLoginAttempt(db, email, ok);
      if (!ok || !user) return show({ email: "Adresse e-mail ou mot de passe incorrect" }, 422);

      await request.session.regenerate();
      request.session.set("userId", user.id);
      await db.update(users).set({ lastLoginAt: new Date() }).where(eq(users.id, user.id));
      return reply.redirect(back ?? "/", 303);
    },
  );

  app.post("/deconnexion", async (request, reply) => {
    await request.session.destroy();
    return reply.redirect("/connexion", 303);
  });
}
