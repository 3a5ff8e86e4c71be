import type { FastifyInstance } from "fastify";
import { pageChrome, sendPage } from "../platform/page.ts";
import { renderPage } from "../platform/views/layout.tsx";

/** `/protection-des-donnees`: what Parcours keeps, why, and how it is protected (public page). */
export async function legalRoutes(app: FastifyInstance) {
  app.get("/protection-des-donnees", { config: { public: true } }, async (request, reply) =>
    sendPage(
      reply,
      renderPage({
        ...pageChrome(request, reply),
        title: "Mentions et protection des données",
        children: (
          <div class="narrow">
            <h1>Mentions et protection des données</h1>
            <p>
              Parcours est le logiciel de suivi des mesures socio-judiciaires, de formation et de
              certification du réseau des associations socio-judiciaires. Chaque association adhérente est
              responsable du traitement des données des personnes qu'elle accompagne.
            </p>
            <h2>Des données judiciaires</h2>
            <p>
              Les dossiers des personnes suivies contiennent des données relatives aux condamnations pénales,
              aux infractions et aux mesures de sûreté, dont le traitement est encadré par l'article 10 du
              RGPD et par la loi Informatique et Libertés. Elles ne sont traitées que pour l'exécution des
              mandats confiés par l'autorité judiciaire.
            </p>
            <h2>Qui voit quoi</h2>
            <ul>
              <li>
                Chaque association ne voit que les personnes qu'elle suit ; ce cloisonnement est appliqué par
                la base de données elle-même.
              </li>
              <li>
                La fédération, son service formation et les administrateurs de la plateforme ne voient aucun
                dossier de personne.
              </li>
              <li>
                Les indicateurs nationaux sont pseudonymisés et aucun effectif inférieur à 5 n'y est affiché.
              </li>
            </ul>
            <h2>Traçabilité</h2>
            <p>
              Chaque consultation ou modification d'un dossier est enregistrée (qui, quand, quoi). La
              direction de l'association peut consulter ce journal. Les journaux techniques ne contiennent
              aucune donnée nominative.
            </p>
            <h2>Vos droits</h2>
            <p>
              Les personnes suivies exercent leurs droits d'accès et de rectification auprès de l'association
              qui les accompagne, dans les limites prévues pour les traitements de données judiciaires.
            </p>
          </div>
        ),
      }),
    ),
  );
}
