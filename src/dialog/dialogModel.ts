import type { Counts, Lang } from "../core/model";

/**
 * What the ribbon command's dialog shows, read from its URL (built by src/commands/commands.ts
 * `dialogUrl`): `?e=1&w=2&i=3&h=1&lang=zh&m=…` after a check, `?kind=protectedSheet&lang=zh&m=…`
 * when the check could not run. `m` is already worded by the Excel layer in the user's language.
 */
export type DialogContent =
  | { kind: "done"; lang: Lang; counts: Counts; highlighted: boolean; message: string }
  | { kind: "failed"; lang: Lang; reason: string; message: string };

function count(params: URLSearchParams, key: string): number {
  const n = Number(params.get(key) ?? "0");
  return Number.isInteger(n) && n >= 0 ? n : 0;
}

export function readDialogUrl(search: string): DialogContent {
  const params = new URLSearchParams(search);
  const lang: Lang = params.get("lang") === "en" ? "en" : "zh";
  const message = params.get("m") ?? "";
  const reason = params.get("kind");
  if (reason !== null) return { kind: "failed", lang, reason, message };
  return { kind: "done", lang, counts: { error: count(params, "e"), warning: count(params, "w"), info: count(params, "i") }, highlighted: params.get("h") === "1", message };
}
