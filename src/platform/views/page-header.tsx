import type { ComponentChildren, VNode } from "preact";

/**
 * The page's `<h1>`, with an optional caption above it (e.g. the file or the section the page
 * belongs to) and actions (links or buttons) aside, below on narrow screens.
 */
export function PageHeader({
  title,
  caption,
  actions,
}: {
  title: ComponentChildren;
  caption?: ComponentChildren;
  actions?: ComponentChildren;
}): VNode {
  return (
    <div class="page-header">
      <div class="page-header__titles">
        {caption ? <p class="page-header__caption">{caption}</p> : null}
        <h1 class="page-header__title">{title}</h1>
      </div>
      {actions ? <div class="page-header__actions">{actions}</div> : null}
    </div>
  );
}
