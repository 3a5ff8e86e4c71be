/**
 * Static assets with their content hash in the name: `/static/css/parcours.<hash>.css`, cached by
 * browsers for a year (`immutable`): a new version of a file gets a new name, so pages always load the
 * version they were rendered with. The hashes are computed once, when the process starts. The plain
 * names (`/static/css/parcours.css`) keep working with a one-hour cache.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { FastifyInstance } from "fastify";

export const PUBLIC_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../public");
/** One year, the longest cache lifetime browsers honour. */
export const IMMUTABLE_MAX_AGE_MS = 365 * 24 * 60 * 60 * 1000;

/** `css/parcours.css` → `css/parcours.<first 10 hex digits of its SHA-256>.css`. */
export function hashedName(relativePath: string, content: Buffer | string): string {
  const hash = createHash("sha256").update(content).digest("hex").slice(0, 10);
  const ext = path.posix.extname(relativePath);
  return `${relativePath.slice(0, relativePath.length - ext.length)}.${hash}${ext}`;
}

/** Every file under dir (relative paths with `/`) and its hashed name. */
export function hashAssets(dir: string): Map<string, string> {
  const names = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    const relative = path.relative(dir, full).split(path.sep).join("/");
    names.set(relative, hashedName(relative, readFileSync(full)));
  }
  return names;
}

const ASSETS = hashAssets(PUBLIC_DIR);

/** The URL of a file of public/ to put in a page: its hashed name when it exists. */
export function assetUrl(relativePath: string): string {
  return `/static/${ASSETS.get(relativePath) ?? relativePath}`;
}

/** One route per hashed name, serving the file with a one-year immutable cache. */
export function registerHashedAssets(app: FastifyInstance) {
  for (const [relative, hashed] of ASSETS) {
    app.get(`/static/${hashed}`, { config: { public: true } }, (_request, reply) =>
      reply.sendFile(relative, { maxAge: IMMUTABLE_MAX_AGE_MS, immutable: true }),
    );
  }
}
