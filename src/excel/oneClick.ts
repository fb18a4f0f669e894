import { HostError, type Host } from "../app/host";
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

/** A one-click check that failed: the reason, and the language it is told in (the settings'
 * when they were read, as the host words its errors; else Chinese, as the host does). */
export class OneClickFailure extends Error {
  constructor(
    readonly error: HostError,
    readonly lang: Lang,
  ) {
    super(error.message);
    this.name = "OneClickFailure";
  }
}

/** Resolves with the result; rejects with a OneClickFailure, whatever went wrong. */
export async function runOneClickCheck(host: Host = createExcelHost()): Promise<OneClickResult> {
  let lang: Lang = "zh";
  try {
    const settings = (await host.loadSettings()) ?? { options: {}, highlight: true };
    lang = settings.options.lang ?? lang;
    const result = await host.check({ ...settings, highlight: true }, () => undefined, new AbortController().signal);
    const t = excelMessages(lang);
    const counts = result.report.counts;
    const notes = result.failures.map((f) => f.message);
    return { counts, message: [t.oneClickDone(counts, result.highlighted), ...notes].join(" "), highlighted: result.highlighted, lang };
  } catch (e) {
    // Our own bugs are told too (as `unknown`): the user must learn the check did not run.
    const error = e instanceof HostError ? e : new HostError("unknown", excelMessages(lang).unexpected(e instanceof Error ? e.message : String(e)));
    throw new OneClickFailure(error, lang);
  }
}
