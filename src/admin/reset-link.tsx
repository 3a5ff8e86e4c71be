/**
 * POST /admin/utilisateurs/:id/lien-mot-de-passe: the administrator sends an account a link to choose
 * a new password (valid one hour, single use). Without SMTP_URL, or when the e-mail fails, the link is
 * shown to the administrator, to hand over to the person.
 */
import { eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { createResetToken } from "../accounts/queries.ts";
import { mailerOf, resetLinkUrl, sendResetLink } from "../accounts/reset-mail.ts";
import { type Role, users } from "../accounts/tables.ts";
import { NotFoundError } from "../platform/errors.ts";
import { pageChrome, redirectWithFlash, sendPage } from "../platform/page.ts";
import { Notice } from "../platform/views/display.tsx";
import { Button, CsrfField } from "../platform/views/forms.tsx";
import { renderPage } from "../platform/views/layout.tsx";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function ResetLinkButton({
  user,
  csrfToken,
}: {
  user: { id: string; firstName: string; lastName: string };
  csrfToken: string | undefined;
}) {
  return (
    <form method="post" action={`/admin/utilisateurs/${user.id}/lien-mot-de-passe`}>
      <CsrfField token={csrfToken} />
      <Button variant="secondary" small>
        Envoyer un lien de réinitialisation
        <span class="visually-hidden">
          {" "}
          à {user.firstName} {user.lastName}
        </span>
      </Button>
    </form>
  );
}

export async function resetLinkRoutes(app: FastifyInstance) {
  const { db } = app.deps.database;

  app.post(
    "/admin/utilisateurs/:id/lien-mot-de-passe",
    { config: { roles: ["admin"] as Role[] } },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      if (!UUID.test(id)) throw new NotFoundError();
      const [account] = await db
        .select({ id: users.id, email: users.email, firstName: users.firstName, lastName: users.lastName })
        .from(users)
        .where(eq(users.id, id));
      if (!account) throw new NotFoundError();
      const name = `${account.firstName} ${account.lastName}`;
      const token = await createResetToken(db, account.id);
      if (!token)
        return redirectWithFlash(
          request,
          reply,
          "/admin/utilisateurs",
          `Trois liens ont déjà été créés pour ${name} dans l'heure : attendez avant d'en créer un autre.`,
        );
      const mailer = mailerOf(app.deps);
      let failed = false;
      if (mailer) {
        try {
          await sendResetLink(app.deps, mailer, account, token, true);
          return redirectWithFlash(
            request,
            reply,
            "/admin/utilisateurs",
            `Un lien pour choisir un nouveau mot de passe a été envoyé à ${account.email}. Il est valable une heure.`,
          );
        } catch {
          request.log.warn("lien de mot de passe : l'e-mail n'a pas pu être envoyé");
          failed = true;
        }
      }
      const url = resetLinkUrl(app.deps.config.publicUrl, token);
      reply.header("cache-control", "no-store");
      return sendPage(
        reply,
        renderPage({
          ...pageChrome(request, reply),
          title: "Lien de réinitialisation",
          breadcrumbs: [
            { href: "/", label: "Accueil" },
            { href: "/admin/utilisateurs", label: "Utilisateurs" },
            { label: "Lien de réinitialisation" },
          ],
          children: (
            <div class="narrow">
              <h1>Lien de réinitialisation pour {name}</h1>
              <Notice tone={failed ? "warning" : "info"} title="Transmettez ce lien à la personne">
                <p>
                  {failed
                    ? "L'e-mail n'a pas pu être envoyé."
                    : "Aucun serveur d'e-mail n'est configuré (SMTP_URL) : le lien n'a pas été envoyé."}{" "}
                  Transmettez-le à {name} ({account.email}) par un moyen sûr. Il est valable une heure et ne
                  sert qu'une fois.
                </p>
              </Notice>
              <p>
                <code class="reset-link">{url}</code>
              </p>
              <p>
                <a href="/admin/utilisateurs">Retour aux utilisateurs</a>
              </p>
            </div>
          ),
        }),
      );
    },
  );
}
