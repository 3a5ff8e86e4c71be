import type { ComponentChildren } from "preact";
import type { PageChrome } from "../platform/page.ts";
import { Notice, SummaryList } from "../platform/views/display.tsx";
import {
  Button,
  CsrfField,
  ErrorSummary,
  FormActions,
  type FormErrors,
  TextField,
} from "../platform/views/forms.tsx";
import { renderPage } from "../platform/views/layout.tsx";
import { MIN_PASSWORD_LENGTH } from "./rules.ts";

function narrowPage(chrome: PageChrome, title: string, errors: FormErrors, children: ComponentChildren) {
  return renderPage({
    ...chrome,
    title,
    hasErrors: Object.keys(errors).length > 0,
    children: (
      <div class="narrow">
        <ErrorSummary errors={errors} />
        {children}
      </div>
    ),
  });
}

/** The new password and its confirmation; typed passwords are never sent back in the page. */
function NewPasswordFields({ errors }: { errors: FormErrors }) {
  return (
    <>
      <TextField
        name="newPassword"
        label="Nouveau mot de passe"
        hint={`${MIN_PASSWORD_LENGTH} caractères au moins. Une phrase de plusieurs mots inhabituels est solide et facile à retenir ; évitez votre nom, celui de l'association et les mots de passe déjà utilisés ailleurs.`}
        type="password"
        autocomplete="new-password"
        error={errors.newPassword}
      />
      <TextField
        name="confirmation"
        label="Confirmez le nouveau mot de passe"
        type="password"
        autocomplete="new-password"
        error={errors.confirmation}
      />
    </>
  );
}

/** First login of an account created by the administrator: the person chooses their own password. */
export function choosePasswordPage(chrome: PageChrome, errors: FormErrors): string {
  return narrowPage(
    chrome,
    "Choisissez votre mot de passe",
    errors,
    <>
      <h1>Choisissez votre mot de passe</h1>
      <p>
        C'est votre première connexion : le mot de passe provisoire que vous avez reçu ne sert qu'une fois.
        Choisissez le vôtre, que vous seul·e connaîtrez.
      </p>
      <form method="post" action="/connexion/mot-de-passe" novalidate>
        <CsrfField token={chrome.csrfToken} />
        <NewPasswordFields errors={errors} />
        <FormActions>
          <Button>Enregistrer et continuer</Button>
        </FormActions>
      </form>
    </>,
  );
}

export interface AccountViewModel {
  chrome: PageChrome;
  email: string;
  roleLabel: string;
  associationName: string | null;
  errors: FormErrors;
}

/** `/mon-compte`: who I am, and the form to change my password. */
export function accountPage({ chrome, email, roleLabel, associationName, errors }: AccountViewModel): string {
  return renderPage({
    ...chrome,
    title: "Mon compte",
    hasErrors: Object.keys(errors).length > 0,
    breadcrumbs: [{ href: "/", label: "Accueil" }, { label: "Mon compte" }],
    children: (
      <div class="narrow">
        <ErrorSummary errors={errors} />
        <h1>Mon compte</h1>
        <SummaryList
          rows={[
            { key: "Nom", value: chrome.user?.displayName ?? "" },
            { key: "Adresse e-mail", value: email },
            { key: "Rôle", value: roleLabel },
            { key: "Association", value: associationName ?? "Fédération" },
          ]}
        />
        <h2>Changer mon mot de passe</h2>
        <p>Vos autres sessions ouvertes (autres navigateurs, autres postes) seront fermées.</p>
        <form method="post" action="/mon-compte/mot-de-passe" novalidate>
          <CsrfField token={chrome.csrfToken} />
          <TextField
            name="currentPassword"
            label="Mot de passe actuel"
            type="password"
            autocomplete="current-password"
            error={errors.currentPassword}
          />
          <NewPasswordFields errors={errors} />
          <FormActions>
            <Button>Changer mon mot de passe</Button>
          </FormActions>
        </form>
      </div>
    ),
  });
}

/** `/mot-de-passe-oublie`: the form, then the same answer whether or not the address has an account. */
export function forgotPasswordPage(
  chrome: PageChrome,
  state: { email?: string | undefined; errors: FormErrors; sent: boolean },
): string {
  if (state.sent) {
    return narrowPage(
      chrome,
      "Demande envoyée",
      {},
      <>
        <h1>Vérifiez votre messagerie</h1>
        <Notice tone="success" title="Demande enregistrée">
          <p>
            Si un compte Parcours existe pour cette adresse, un e-mail vient de lui être envoyé avec un lien
            pour choisir un nouveau mot de passe. Ce lien est valable une heure et ne sert qu'une fois.
          </p>
        </Notice>
        <p>
          Rien reçu après quelques minutes ? Regardez dans les courriers indésirables, ou demandez à
          l'administrateur de Parcours de vous envoyer un lien.
        </p>
        <p>
          <a href="/connexion">Retour à la connexion</a>
        </p>
      </>,
    );
  }
  return narrowPage(
    chrome,
    "Mot de passe oublié",
    state.errors,
    <>
      <h1>Mot de passe oublié</h1>
      <p>
        Saisissez l'adresse e-mail de votre compte : vous recevrez un lien pour choisir un nouveau mot de
        passe.
      </p>
      <form method="post" action="/mot-de-passe-oublie" novalidate>
        <CsrfField token={chrome.csrfToken} />
        <TextField
          name="email"
          label="Adresse e-mail"
          type="email"
          autocomplete="username"
          value={state.email}
          error={state.errors.email}
        />
        <FormActions>
          <Button>Recevoir un lien</Button>
          <a href="/connexion">Retour à la connexion</a>
        </FormActions>
      </form>
    </>,
  );
}

/** `/mot-de-passe/:token`: choose a new password through a reset link. */
export function resetPasswordPage(
  chrome: PageChrome,
  state: { token: string; email: string; errors: FormErrors },
): string {
  return narrowPage(
    chrome,
    "Nouveau mot de passe",
    state.errors,
    <>
      <h1>Choisir un nouveau mot de passe</h1>
      <p>Pour le compte {state.email}.</p>
      <form method="post" action={`/mot-de-passe/${state.token}`} novalidate>
        <CsrfField token={chrome.csrfToken} />
        <NewPasswordFields errors={state.errors} />
        <FormActions>
          <Button>Enregistrer le mot de passe</Button>
        </FormActions>
      </form>
    </>,
  );
}

export function invalidLinkPage(chrome: PageChrome): string {
  return narrowPage(
    chrome,
    "Lien expiré ou déjà utilisé",
    {},
    <>
      <h1>Ce lien n'est plus valable</h1>
      <p>
        Un lien pour choisir un mot de passe est valable une heure et ne sert qu'une fois. Demandez-en un
        nouveau.
      </p>
      <p>
        <a href="/mot-de-passe-oublie">Recevoir un nouveau lien</a>
      </p>
    </>,
  );
}

export function passwordResetDonePage(chrome: PageChrome): string {
  return narrowPage(
    chrome,
    "Mot de passe enregistré",
    {},
    <>
      <h1>Votre mot de passe est enregistré</h1>
      <p>Vos sessions ouvertes ont été fermées. Connectez-vous avec votre nouveau mot de passe.</p>
      <p>
        <a href="/connexion">Se connecter</a>
      </p>
    </>,
  );
}
