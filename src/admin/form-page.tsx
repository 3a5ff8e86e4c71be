import type { FastifyReply, FastifyRequest } from "fastify";
import type { ComponentChildren } from "preact";
import type { FormErrors } from "../platform/forms.ts";
import { pageChrome, sendPage } from "../platform/page.ts";
import { Button, CsrfField, ErrorSummary, FormActions } from "../platform/views/forms.tsx";
import { type Crumb, renderPage } from "../platform/views/layout.tsx";

export interface AdminForm {
  /** The document title; the heading when `heading` is absent. */
  title: string;
  heading?: ComponentChildren;
  /** Breadcrumbs after « Accueil ». */
  crumbs: Crumb[];
  action: string;
  errors: FormErrors;
  submitLabel: string;
  cancelHref?: string;
  intro?: ComponentChildren;
  fields: ComponentChildren;
}

/** Sends one of the administrator's forms: error summary, heading, CSRF token, fields, actions. */
export function sendAdminForm(request: FastifyRequest, reply: FastifyReply, form: AdminForm, status = 200) {
  const chrome = pageChrome(request, reply);
  return sendPage(
    reply,
    renderPage({
      ...chrome,
      title: form.title,
      hasErrors: Object.keys(form.errors).length > 0,
      breadcrumbs: [{ href: "/", label: "Accueil" }, ...form.crumbs],
      children: (
        <>
          <ErrorSummary errors={form.errors} />
          <h1>{form.heading ?? form.title}</h1>
          {form.intro}
          <form method="post" action={form.action} novalidate>
            <CsrfField token={chrome.csrfToken} />
            {form.fields}
            <FormActions>
              <Button>{form.submitLabel}</Button>
              {form.cancelHref ? <a href={form.cancelHref}>Annuler</a> : null}
            </FormActions>
          </form>
        </>
      ),
    }),
    status,
  );
}
