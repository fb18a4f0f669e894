import type { Host } from "../app/host";
import type { Counts, Lang } from "../core/model";
import { createExcelHost } from "./excelHost";
import { excelMessages } from "./messages";

/**
 * The ribbon's 一键校验: check the active sheet's table with the workbook's saved settings,
 * colour the flagged cells, and say what was found. The same use-case as the task pane's
 * check button, so the two never disagree.
 */
export interface OneClickResult {
  counts: Counts;
  /** One line for the user, in the settings' language. */
  message: string;
  highlighted: boolean;
  lang: Lang;
}

export async function runOneClickCheck(host: Host = createExcelHost()): Promise<OneClickResult> {
  const settings = (await host.loadSettings()) ?? { options: {}, highlight: true };
  const lang = settings.options.lang ?? "zh";
  const result = await host.check({ ...settings, highlight: true }, () => undefined, new AbortController().signal);
  const t = excelMessages(lang);
  const counts = result.report.counts;
  const notes = result.failures.map((f) => f.message);
  return { counts, message: [t.oneClickDone(counts, result.highlighted), ...notes].join(" "), highlighted: result.highlighted, lang };
}
