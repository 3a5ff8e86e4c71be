import type { VNode } from "preact";

export interface RawHtmlOptions {
  /** Render inside a `<span>` instead of a `<div>` (for inline content). */
  inline?: boolean;
  className?: string;
}

/**
 * The single audited way to insert raw HTML into a view.
 *
 * Only for HTML produced by the server itself (e.g. an SVG chart built by our own code,
 * with every piece of data escaped at construction), never for user input: anything typed
 * by a user, read from the database or from an uploaded file must go through normal JSX
 * text, which preact escapes.
 */
export function rawHtml(trustedHtml: string, options: RawHtmlOptions = {}): VNode {
  const Tag = options.inline ? "span" : "div";
  return (
    <Tag
      class={options.className}
      // The one audited use of dangerouslySetInnerHTML in the project (see above).
      dangerouslySetInnerHTML={{ __html: trustedHtml }}
    />
  );
}
