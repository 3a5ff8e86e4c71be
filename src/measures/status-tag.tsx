import type { TagTone } from "../platform/views/display.tsx";
import type { MeasureStatus } from "./rules.ts";

export function statusTone(status: MeasureStatus): TagTone {
  return ({ recue: "blue", en_cours: "green", rapport_remis: "purple", cloturee: "grey" } as const)[status];
}
