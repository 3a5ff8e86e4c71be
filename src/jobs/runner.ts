import type { AppDeps } from "../platform/app.ts";

export interface BackgroundJobs {
  stop(): Promise<void>;
}

/** Starts the background jobs of this instance (none yet). */
export function startBackgroundJobs(_deps: AppDeps): BackgroundJobs {
  return { stop: async () => {} };
}
