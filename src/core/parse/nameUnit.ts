import type { ParsedValue } from "../model";
import { foldWidth } from "./normalizeText";
import { UNITS, latinUnitEnd, magnitudeLength } from "./valueWords";

/**
 * The unit a name writes in a trailing bracket note, for a value written without one:
 * `培训人数（人）` `≥100` is `≥100` 人, `群众满意度（%）` `≥80` is `≥80%`, `人均成本（元/人）` `≤500` is
 * `≤500` 元/人. Tables put the unit in the name when the value column holds numbers only.
 *
 * Only a known unit (UNITS or a Latin one, maybe after a magnitude: `万人`, `千米`, `万kWh`), or known
 * units joined by `/` (`次/年`, `mg/L`), is one: `培训人数（新增）`, `资金（省级）`, `完成率（2025年）` write none.
 */
export function nameNoteUnit(name: string): string | undefined {
  const folded = foldWidth(name);
  let end = folded.length;
  while (end > 0 && isBlank(folded.charCodeAt(end - 1))) end--;
  if (end === 0 || folded.charCodeAt(end - 1) !== CLOSE) return undefined;
  const open = folded.lastIndexOf("(", end - 1);
  // A note, not the whole name; no longer than the longest unit with its joiner.
  if (open <= 0 || end - open - 2 > MAX_NOTE) return undefined;
  const note = folded.slice(open + 1, end - 1).replace(BLANKS, "");
  if (note === "") return undefined;
  const parts = note.split("/");
  if (parts.length > MAX_PARTS) return undefined;
  for (const part of parts) if (!isUnitPart(part)) return undefined;
  return note;
}

/**
 * The value with the name's note unit (nameNoteUnit) when it is a well-read number written with
 * none, `unitInName` saying the value's text does not hold it; the value itself otherwise. A
 * copy: values may be shared between items.
 */
export function withNameUnit(value: ParsedValue, name: string): ParsedValue {
  if (value.unit !== undefined || (value.kind !== "quantitative" && value.kind !== "range")) return value;
  if (value.number === undefined || value.garbled !== undefined || value.placeholder) return value;
  const unit = nameNoteUnit(name);
  if (unit === undefined) return value;
  return { ...value, unit, unitInName: true };
}

/** The unit the value's own text writes: none when the unit is the name's (withNameUnit). */
export function writtenUnit(value: ParsedValue): string | undefined {
  return value.unitInName ? undefined : value.unit;
}

const CLOSE = 0x29; // `)` (`）` folded)
const MAX_NOTE = 8;
const MAX_PARTS = 2;
const BLANKS = /\s+/g;

function isBlank(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0xa0;
}

const KNOWN_UNITS: ReadonlySet<string> = new Set(UNITS);
/** A known unit or a Latin one (`kWh`, `mg`), maybe after one or two magnitudes (`万人`, `万kWh`,
 * `百万元`; `万千瓦时` is 万 and 千瓦时). */
function isUnitPart(part: string): boolean {
  const magnitude = magnitudeLength(part);
  for (let m = 0; m <= magnitude && m < part.length; m++) {
    if (KNOWN_UNITS.has(m === 0 ? part : part.slice(m)) || latinUnitEnd(part, m, part.length) === part.length) return true;
  }
  return false;
}
