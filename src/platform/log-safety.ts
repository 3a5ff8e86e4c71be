/**
 * What an error may leave in the technical logs: its kind and codes, never its message.
 *
 * A database error's message quotes the SQL parameters (Drizzle: "Failed query: … params: <name>,
 * <birth date>…") and PostgreSQL's own messages quote values ('invalid input syntax for type uuid:
 * "…"'). Justice data must never reach a log file, so no message, detail or parameter is kept:
 * only the error's class, its codes (SQLSTATE, Node's errno codes), the constraint or table named
 * by PostgreSQL, and the stack frames (file and line, without the message line).
 */
export type LoggedError = {
  type: string;
  /** Always the same words: the real message is never logged. */
  message: string;
  code?: string;
  sqlState?: string;
  constraint?: string;
  table?: string;
  stack: string;
  cause?: LoggedError;
};

const WITHHELD = "(message non journalisé)";
const SQLSTATE = /^[0-9A-Z]{5}$/;

function stringField(value: unknown): string | undefined {
  return typeof value === "string" && value.length > 0 && value.length <= 200 ? value : undefined;
}

/** Only the "    at …" lines of a stack: the first lines repeat the message. */
export function stackFrames(stack: unknown): string | undefined {
  if (typeof stack !== "string") return undefined;
  const frames = stack
    .split("\n")
    .filter((line) => /^\s+at /.test(line))
    .slice(0, 15);
  return frames.length > 0 ? frames.join("\n") : undefined;
}

export function errorForLog(error: unknown, depth = 0): LoggedError {
  if (!error || typeof error !== "object") return { type: typeof error, message: WITHHELD, stack: "" };
  const e = error as Record<string, unknown>;
  const code = stringField(e.code);
  const out: LoggedError = {
    type: (error as { constructor?: { name?: string } }).constructor?.name ?? "Error",
    message: WITHHELD,
    stack: stackFrames(e.stack) ?? "",
  };
  if (code && SQLSTATE.test(code)) out.sqlState = code;
  else if (code) out.code = code;
  const constraint = stringField(e.constraint);
  if (constraint) out.constraint = constraint;
  const table = stringField(e.table);
  if (table) out.table = table;
  if (e.cause && depth < 3) out.cause = errorForLog(e.cause, depth + 1);
  return out;
}

/** The SQLSTATE or errno code of an error or of its causes (Drizzle wraps the driver's error). */
export function errorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === "object"; depth++) {
    const code = stringField((current as { code?: unknown }).code);
    if (code) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

const CONNECTION_MESSAGES = [
  "Connection terminated",
  "Client has encountered a connection error",
  "Connection terminated unexpectedly",
  "timeout exceeded when trying to connect",
  "Cannot use a pool after calling end on the pool",
  "Client was closed and is not queryable",
];

/**
 * Whether an error means the database cannot be reached (lost connection, server shutting down,
 * refused connection), as opposed to a wrong query: such a request gets a 503, the next ones a new
 * connection.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === "object"; depth++) {
    const { code, message } = current as { code?: unknown; message?: unknown };
    if (typeof code === "string") {
      // Class 08: connection exception; 57P01-57P03: admin shutdown, crash shutdown, cannot connect now.
      if (/^08/.test(code) || /^57P0[1-3]$/.test(code)) return true;
      if (["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EAI_AGAIN"].includes(code))
        return true;
    }
    if (typeof message === "string" && CONNECTION_MESSAGES.some((m) => message.startsWith(m))) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
