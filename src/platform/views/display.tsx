import type { ComponentChildren, VNode } from "preact";
import { type Gender, notProvided } from "../french.ts";

/* ------------------------------------------------------------------ */
/* Summary list                                                        */
/* ------------------------------------------------------------------ */

export interface SummaryRow {
  key: string;
  value: ComponentChildren;
  action?: { href: string; label: string };
  /** Gender of the key when its first word does not tell ("Non renseignée"). */
  gender?: Gender;
}

function isBlank(value: ComponentChildren): boolean {
  return value === null || value === undefined || value === "" || value === false;
}

/** Key/value list (`<dl>`); an empty value reads "Non renseigné", agreed with the key ("Non renseignée"). */
export function SummaryList({ rows }: { rows: SummaryRow[] }): VNode {
  const hasActions = rows.some((row) => row.action);
  return (
    <dl class={hasActions ? "summary-list summary-list--actions" : "summary-list"}>
      {rows.map((row) => (
        <div class="summary-list__row" key={row.key}>
          <dt class="summary-list__key">{row.key}</dt>
          <dd class="summary-list__value">
            {isBlank(row.value) ? <span class="muted">{notProvided(row.key, row.gender)}</span> : row.value}
          </dd>
          {row.action ? (
            <dd class="summary-list__action">
              <a href={row.action.href}>
                {row.action.label}
                <span class="visually-hidden"> : {row.key}</span>
              </a>
            </dd>
          ) : hasActions ? (
            <dd class="summary-list__action" />
          ) : null}
        </div>
      ))}
    </dl>
  );
}

/* ------------------------------------------------------------------ */
/* Data table                                                          */
/* ------------------------------------------------------------------ */

export interface DataTableProps {
  caption: string;
  captionHidden?: boolean;
  head: string[];
  rows: ComponentChildren[][];
  /** Text shown in a single row when `rows` is empty. */
  empty?: string;
  /** Zero-based indexes of right-aligned numeric columns. */
  numericColumns?: number[];
}

/**
 * Table with a caption, column headers and row headers (first cell of each row), wrapped in a
 * horizontally scrolling `<section>`. The section is labelled by the caption (so it is a region)
 * and focusable so the overflow can be scrolled with the keyboard; enhance.js removes the label
 * and the tabindex when nothing overflows.
 */
export function DataTable({
  caption,
  captionHidden = false,
  head,
  rows,
  empty = "Aucun élément.",
  numericColumns = [],
}: DataTableProps): VNode {
  const cellClass = (index: number) => (numericColumns.includes(index) ? "num" : undefined);
  return (
    // A named <section> is a region landmark; tabindex lets the keyboard scroll it (WCAG 2.1.1).
    <section class="table-wrap" tabindex={0} aria-label={caption}>
      <table class="table">
        <caption class={captionHidden ? "visually-hidden" : "table__caption"}>{caption}</caption>
        <thead>
          <tr>
            {head.map((label, index) => (
              <th scope="col" class={cellClass(index)} key={label}>
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td class="table__empty" colspan={Math.max(head.length, 1)}>
                {empty}
              </td>
            </tr>
          ) : (
            rows.map((cells) => (
              <tr>
                {cells.map((cell, index) =>
                  index === 0 ? (
                    <th scope="row" class={cellClass(index)}>
                      {cell}
                    </th>
                  ) : (
                    <td class={cellClass(index)}>{cell}</td>
                  ),
                )}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </section>
  );
}

/* ------------------------------------------------------------------ */
/* Tags                                                                */
/* ------------------------------------------------------------------ */

export type TagTone = "grey" | "blue" | "green" | "orange" | "red" | "purple";

/** A status shown as text in a tag; the colour only reinforces the text. */
export function Tag({ tone = "grey", children }: { tone?: TagTone; children?: ComponentChildren }): VNode {
  return <strong class={`tag tag--${tone}`}>{children}</strong>;
}

/** Days left before a deadline (negative when late). */
export function deadlineLabel(daysRemaining: number | null): { text: string; tone: TagTone | null } {
  if (daysRemaining === null || !Number.isFinite(daysRemaining)) return { text: "—", tone: null };
  const days = Math.trunc(daysRemaining);
  if (days < 0) return { text: `En retard de ${-days} j`, tone: "red" };
  if (days === 0) return { text: "Aujourd'hui", tone: "orange" };
  if (days <= 7) return { text: `J-${days}`, tone: "orange" };
  return { text: `Dans ${days} j`, tone: "grey" };
}

export function DeadlineTag({ daysRemaining }: { daysRemaining: number | null }): VNode {
  const { text, tone } = deadlineLabel(daysRemaining);
  if (tone === null) {
    return (
      <span class="muted">
        <span aria-hidden="true">{text}</span>
        <span class="visually-hidden">Pas d'échéance</span>
      </span>
    );
  }
  return <Tag tone={tone}>{text}</Tag>;
}

/* ------------------------------------------------------------------ */
/* Pagination                                                          */
/* ------------------------------------------------------------------ */

export interface PaginationProps {
  page: number;
  pageCount: number;
  hrefFor: (page: number) => string;
}

/** Pages to show: first, last, current ±1, with `null` for a gap. */
export function paginationItems(page: number, pageCount: number): (number | null)[] {
  const wanted = new Set([1, pageCount, page - 1, page, page + 1]);
  const pages = [...wanted].filter((p) => p >= 1 && p <= pageCount).sort((a, b) => a - b);
  const items: (number | null)[] = [];
  let previous = 0;
  for (const p of pages) {
    if (p - previous === 2) items.push(p - 1);
    else if (p - previous > 2) items.push(null);
    items.push(p);
    previous = p;
  }
  return items;
}

export function Pagination({ page, pageCount, hrefFor }: PaginationProps): VNode | null {
  if (pageCount <= 1) return null;
  const current = Math.min(Math.max(1, page), pageCount);
  return (
    <nav class="pagination" aria-label="Pagination">
      <ul class="pagination__list">
        {current > 1 ? (
          <li class="pagination__prev">
            <a href={hrefFor(current - 1)} rel="prev">
              Précédent<span class="visually-hidden"> : page {current - 1}</span>
            </a>
          </li>
        ) : null}
        {paginationItems(current, pageCount).map((p, index) =>
          p === null ? (
            <li class="pagination__gap" key={`gap-${index}`} aria-hidden="true">
              …
            </li>
          ) : (
            <li key={p}>
              <a
                href={hrefFor(p)}
                aria-current={p === current ? "page" : undefined}
                class={p === current ? "pagination__current" : undefined}
              >
                <span class="visually-hidden">Page </span>
                {p}
              </a>
            </li>
          ),
        )}
        {current < pageCount ? (
          <li class="pagination__next">
            <a href={hrefFor(current + 1)} rel="next">
              Suivant<span class="visually-hidden"> : page {current + 1}</span>
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}

/* ------------------------------------------------------------------ */
/* Breadcrumbs, notices, panels, task list                             */
/* ------------------------------------------------------------------ */

export interface BreadcrumbItem {
  href?: string;
  label: string;
}

/** Breadcrumb trail; a last item without `href` is the current page. */
export function Breadcrumbs({ items }: { items: BreadcrumbItem[] }): VNode | null {
  if (items.length === 0) return null;
  return (
    <nav class="breadcrumbs" aria-label="Fil d'Ariane">
      <ol>
        {items.map((item, index) => {
          const current = index === items.length - 1 && !item.href;
          return (
            <li key={`${index}-${item.label}`} aria-current={current ? "page" : undefined}>
              {item.href ? <a href={item.href}>{item.label}</a> : item.label}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

export type NoticeTone = "info" | "warning" | "success";

const NOTICE_PREFIX: Record<NoticeTone, string> = {
  info: "Information : ",
  warning: "Attention : ",
  success: "Confirmation : ",
};

export function Notice({
  tone = "info",
  title,
  children,
}: {
  tone?: NoticeTone;
  title?: string;
  children?: ComponentChildren;
}): VNode {
  const prefix = <span class="visually-hidden">{NOTICE_PREFIX[tone]}</span>;
  return (
    <div class={`notice notice--${tone}`}>
      {title ? (
        <p class="notice__title">
          {prefix}
          {title}
        </p>
      ) : (
        prefix
      )}
      <div class="notice__body">{children}</div>
    </div>
  );
}

export function Panel({
  title,
  headingLevel = 2,
  actions,
  children,
}: {
  title: string;
  headingLevel?: 2 | 3 | 4;
  actions?: ComponentChildren;
  children?: ComponentChildren;
}): VNode {
  const Heading = `h${headingLevel}` as "h2" | "h3" | "h4";
  return (
    <section class="panel">
      <div class="panel__header">
        <Heading class="panel__title">{title}</Heading>
        {actions ? <div class="panel__actions">{actions}</div> : null}
      </div>
      <div class="panel__body">{children}</div>
    </section>
  );
}

export interface TaskItem {
  label: string;
  href?: string;
  hint?: string;
  status: string;
  tone?: TagTone;
}

/** A list of steps, each with its status as a tag. */
export function TaskList({ items }: { items: TaskItem[] }): VNode {
  return (
    <ul class="task-list">
      {items.map((item) => (
        <li class="task-list__item" key={item.label}>
          <span class="task-list__name">
            {item.href ? <a href={item.href}>{item.label}</a> : item.label}
            {item.hint ? <span class="hint">{item.hint}</span> : null}
          </span>
          <Tag tone={item.tone ?? "grey"}>{item.status}</Tag>
        </li>
      ))}
    </ul>
  );
}

/* ------------------------------------------------------------------ */
/* Dates                                                               */
/* ------------------------------------------------------------------ */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const PARIS_PARTS = new Intl.DateTimeFormat("fr-FR", {
  timeZone: "Europe/Paris",
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

function parisParts(date: Date): Record<"day" | "month" | "year" | "hour" | "minute", string> {
  const parts = { day: "", month: "", year: "", hour: "", minute: "" };
  for (const part of PARIS_PARTS.formatToParts(date)) {
    if (part.type in parts) parts[part.type as keyof typeof parts] = part.value;
  }
  return parts;
}

function toDate(value: string | Date): Date | null {
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * "24/11/2026" from a `YYYY-MM-DD` date (taken as is) or a timestamp (ISO string or Date,
 * shown in Europe/Paris time). Returns "" for null/undefined/"" and the input unchanged when
 * it cannot be read.
 */
export function formatDate(iso: string | Date | null | undefined): string {
  if (iso === null || iso === undefined || iso === "") return "";
  if (typeof iso === "string") {
    const match = ISO_DATE.exec(iso);
    if (match) return `${match[3]}/${match[2]}/${match[1]}`;
  }
  const date = toDate(iso);
  if (!date) return String(iso);
  const p = parisParts(date);
  return `${p.day}/${p.month}/${p.year}`;
}

/**
 * "24/11/2026 à 14:30" (Europe/Paris time). A plain `YYYY-MM-DD` date gives the date alone;
 * "" for null/undefined/""; the input unchanged when it cannot be read.
 */
export function formatDateTime(iso: string | Date | null | undefined): string {
  if (iso === null || iso === undefined || iso === "") return "";
  if (typeof iso === "string" && ISO_DATE.test(iso)) return formatDate(iso);
  const date = toDate(iso);
  if (!date) return String(iso);
  const p = parisParts(date);
  return `${p.day}/${p.month}/${p.year} à ${p.hour}:${p.minute}`;
}
