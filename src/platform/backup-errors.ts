/** A backup or restore that cannot go on: its message, in French, is shown to the person running the command. */
export class BackupError extends Error {
  override name = "BackupError";
}
