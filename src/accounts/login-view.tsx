import type { PageChrome } from "../platform/page.ts";
import {
  Button,
  CsrfField,
  ErrorSummary,
  FormActions,
  type FormErrors,
  TextField,
} from "../platform/views/forms.tsx";
import { renderPage } from "../platform/views/layout.tsx";

export interface LoginViewModel {
  chrome: PageChrome;
  email?: string | undefined;
  back?: string | undefined;
  errors: FormErrors;
}

export function loginPage({ chrome, email, back, errors }: LoginViewModel): string {
  return renderPage({
    ...chrome,
    title: "Se connecter",
    hasErrors: Object.keys(errors).length > 0,
    children: (
      <div class="narrow">
        <ErrorSummary errors={errors} />
        <h1>Se connecter à Parcours</h1>
        <p>
          Parcours contient des données relevant de l'article 10 du RGPD : chaque accès à un dossier est
          enregistré.
        </p>
        <form method="post" action="/connexion" novalidate>
          <CsrfField token={chrome.csrfToken} />
          {back ? <input type="hidden" name="retour" value={back} /> : null}
          <TextField
            name="email"
            label="Adresse e-mail"
            type="email"
            autocomplete="username"
            value={email}
            error={errors.email}
          />
          <TextField
            name="password"
            label="Mot de passe"
            type="password"
            autocomplete="current-password"
            error={errors.password}
          />
          <FormActions>
            <Button>Se connecter</Button>
            <a href="/mot-de-passe-oublie">Mot de passe oublié ?</a>
          </FormActions>
        </form>
      </div>
    ),
  });
}
