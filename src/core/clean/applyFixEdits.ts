import type { Issue, RuleCode, TextEdit } from "../model";

/**
 * Applies span edits to a cell text (a single issue's fix in the task pane, or several fixes
 * of one cell). Spans point into `text` as it is now, so they are applied from the end
 * backwards and never shift each other. Overlapping or out-of-range edits are our own bug
 * (rules must emit disjoint fixes), so they throw instead of producing a mangled cell.
 */
export function applyFixEdits(text: string, edits: readonly TextEdit[]): string {
  const ordered = [...edits].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  let previousEnd = 0;
  for (const { span } of ordered) {
    if (span.start < 0 || span.end < span.start || span.end > text.length) {
      throw new RangeError(`fix edit [${span.start}, ${span.end}) lies outside a text of ${text.length} characters`);
    }
    if (span.start < previousEnd) {
      throw new RangeError(`fix edits overlap at ${span.start}`);
    }
    previousEnd = span.end;
  }
  return ordered.reduceRight((out, edit) => out.slice(0, edit.span.start) + edit.text + out.slice(edit.span.end), text);
}

/**
 * The fixes of one cell's issues applied together: an issue's edits go in unless they overlap an
 * earlier issue's or lie outside the text (that fix waits for the next check). The new text, and
 * the codes whose fixes went in, in the issues' order. Used wherever several fixes of a cell are
 * made at once: the Excel and file hosts' previews, the cleaner's cells kept as written.
 */
export function combineFixes(text: string, issues: readonly Issue[]): { text: string; codes: RuleCode[] } {
  const edits: TextEdit[] = [];
  const codes: RuleCode[] = [];
  for (const issue of issues) {
    const fixEdits = issue.fix?.edits ?? [];
    if (fixEdits.length === 0) continue;
    const clash = fixEdits.some((e) => e.span.end > text.length || edits.some((o) => e.span.start < o.span.end && o.span.start < e.span.end));
    if (clash) continue;
    edits.push(...fixEdits);
    if (!codes.includes(issue.code)) codes.push(issue.code);
  }
  return { text: edits.length > 0 ? applyFixEdits(text, edits) : text, codes };
}

