/** Reads the body rows of an HTML table as a reader sees them: one array of cell texts per row. */
export function tableRows(html: string, caption?: RegExp): string[][] {
  const tables = [...html.matchAll(/<table[\s\S]*?<\/table>/g)].map((m) => m[0]);
  const table = caption ? tables.find((t) => caption.test(cellText(t))) : tables[0];
  if (!table) throw new Error(`no table${caption ? ` with caption ${caption}` : ""}`);
  const body = /<tbody[^>]*>([\s\S]*?)<\/tbody>/.exec(table)?.[1] ?? "";
  return [...body.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...(row[1] ?? "").matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((cell) => cellText(cell[1] ?? "")),
  );
}

/** The text of an HTML fragment: tags removed, entities decoded, spaces collapsed. */
export function cellText(html: string): string {
  return html
    .replace(/<[^>]+>/g, " ")
    .replaceAll("&#39;", "'")
    .replaceAll("&quot;", '"')
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&nbsp;", " ")
    .replaceAll("&amp;", "&")
    .replace(/\s+/g, " ")
    .trim();
}
