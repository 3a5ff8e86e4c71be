import pino from "pino";
import type { AppDeps } from "../platform/app.ts";
import { createSmtpMailer, type Mailer } from "../platform/mail.ts";
import { type JobLogger, sendDueReminders } from "./reminders.ts";

export interface BackgroundJobs {
  stop(): Promise<void>;
}

export interface JobOptions {
  /** Time between two runs; default JOBS_INTERVAL_MINUTES, else 15 minutes. */
  intervalMs?: number;
  /** Delay before the first run after the start; default 30 seconds. */
  firstRunMs?: number;
  mailer?: Mailer;
  logger?: JobLogger;
  now?: () => Date;
}

export const DEFAULT_INTERVAL_MINUTES = 15;

/** JOBS_INTERVAL_MINUTES (1 to 1440), or 15; an invalid value stops the start with a clear message. */
export function jobIntervalMs(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.JOBS_INTERVAL_MINUTES;
  if (raw === undefined || raw === "") return DEFAULT_INTERVAL_MINUTES * 60_000;
  const minutes = Number(raw);
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > 1440) {
    throw new Error(`JOBS_INTERVAL_MINUTES doit être un nombre de minutes entre 1 et 1440, reçu « ${raw} »`);
  }
  return minutes * 60_000;
}

/**
 * Starts the background jobs of this instance: the appointment reminders, every N minutes. Each
 * instance of a deployment runs them; the jobs claim their work atomically in the database.
 */
export function startBackgroundJobs(deps: AppDeps, options: JobOptions = {}): BackgroundJobs {
  const logger: JobLogger = options.logger ?? pino({ level: deps.config.logLevel, name: "jobs" });
  if (!options.mailer && !deps.config.smtpUrl) {
    logger.warn({}, "SMTP_URL n'est pas défini : aucun rappel de rendez-vous ne sera envoyé par e-mail.");
    return { stop: async () => {} };
  }
  const intervalMs = options.intervalMs ?? jobIntervalMs();
  const mailer = options.mailer ?? createSmtpMailer(deps.config.smtpUrl ?? "");
  const now = options.now ?? (() => new Date());
  let running: Promise<void> | null = null;
  let stopped = false;

  const tick = () => {
    if (running || stopped) return;
    running = sendDueReminders({ ...deps, mailer, logger }, now())
      .then(() => undefined)
      .catch((error: unknown) => {
        // The error's code only: an SMTP or database message may quote an address.
        const code = (error as { code?: unknown } | null)?.code;
        logger.error(
          { code: typeof code === "string" ? code : undefined },
          "échec des rappels de rendez-vous",
        );
      })
      .finally(() => {
        running = null;
      });
  };

  logger.info(
    { intervalMinutes: Math.round(intervalMs / 60_000) },
    "rappels de rendez-vous par e-mail activés",
  );
  const first = setTimeout(tick, options.firstRunMs ?? 30_000);
  const timer = setInterval(tick, intervalMs);
  first.unref();
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearTimeout(first);
      clearInterval(timer);
      await running;
      if (!options.mailer) mailer.close?.();
    },
  };
}
