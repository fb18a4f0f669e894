import type { Rule } from "./rule";
import { emitItem } from "./finding";

/** Template placeholder marks in a name: `*`, `X`/`x` (either width) or `×`. */
function isPlaceholderMark(c: number): boolean {
  return c === 0x2a || c === 0xff0a || c === 0x58 || c === 0x78 || c === 0xff38 || c === 0xff58 || c === 0xd7;
}

/** The first run of two or more placeholder marks in a name, as [start, end), or undefined.
 * Example: `XX项目覆盖率` → [0, 2); `**培训人数` → [0, 2). One scan, linear. */
function placeholderRun(name: string): [number, number] | undefined {
  let start = -1;
  for (let i = 0; i <= name.length; i++) {
    if (i < name.length && isPlaceholderMark(name.charCodeAt(i))) {
      if (start < 0) start = i;
      continue;
    }
    if (start >= 0 && i - start >= 2) return [start, i];
    start = -1;
  }
  return undefined;
}

/** A template placeholder left in the value (`≥**%`, `XX个`, flagged by the parser) or in
 * the indicator's name. */
export const placeholderLeftRule: Rule = {
  codes: ["placeholder_left"],
  defaultSeverity: { placeholder_left: "error" },
  perCell: true,
  checkRow(row, emit) {
    for (const item of row.cell.items) {
      if (item.value.placeholder) {
        emitItem(emit, row, item, "placeholder_left", { item: item.index, text: item.value.raw }, { span: item.value.span });
        continue;
      }
      const run = placeholderRun(item.name);
      if (run) {
        // nameSpan covers the trimmed name, so the run's offset maps straight onto it.
        const start = item.nameSpan.start + run[0];
        emitItem(emit, row, item, "placeholder_left", { item: item.index, text: item.name.slice(run[0], run[1]) }, { span: { start, end: start + run[1] - run[0] } });
      }
    }
  },
};
