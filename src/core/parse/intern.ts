import type { ParsedValue, Span } from "../model";
import { sameValueFields } from "./shapes";

/**
 * Shared spans and short strings for the parser's output. A big sheet repeats its templates:
 * the seed's 100,000 rows hold 1.6 million spans with 8,605 distinct offsets, and 330,000 names
 * with 80 distinct texts. Parsed cells are read-only (model.ts: pure data, never mutated), so
 * items can point at one span and one string instead of each holding a copy; nothing can tell
 * the difference but the heap.
 *
 * Both tables are bounded and live as long as the module: spans of ordinary cells (offsets
 * below MAX_START, lengths below MAX_LENGTH: at most 131,072 of them, a few MB), and
 * TEXT_SLOTS short strings.
 */

const MAX_START = 1024;
const MAX_LENGTH = 128;

/** SPANS[start][length]: filled on first use. */
const SPANS: (Span | undefined)[][] = [];

/** `{ start, end }`, shared with every other span of the same offsets. */
export function internSpan(start: number, end: number): Span {
  const length = end - start;
  if (start < 0 || start >= MAX_START || length < 0 || length >= MAX_LENGTH) return { start, end };
  let byLength = SPANS[start];
  if (byLength === undefined) {
    byLength = [];
    SPANS[start] = byLength;
  }
  let span = byLength[length];
  if (span === undefined) {
    // Frozen: a span shared by thousands of items must never be moved for one of them.
    span = Object.freeze({ start, end });
    byLength[length] = span;
  }
  return span;
}

/** Longer slices of a cell share its characters already (V8 slices strings of 13 code units
 * and more) and would keep whole cell texts alive in the table. */
const MAX_TEXT_LENGTH = 12;
const TEXT_SLOTS = 8192;

/** A direct-mapped cache of short strings, by length and four of their code units: a hit costs
 * a few comparisons and no allocation; a collision only replaces the slot (less sharing, never
 * a wrong string). */
const TEXTS: (string | undefined)[] = new Array<string | undefined>(TEXT_SLOTS).fill(undefined);

/** `text.slice(start, end)`, shared with every earlier short slice of the same text (names,
 * values, numbers as written). */
export function internSlice(text: string, start: number, end: number): string {
  const length = end - start;
  if (length <= 0 || length > MAX_TEXT_LENGTH) return text.slice(start, end);
  const slot =
    (length * 0x9e3 + text.charCodeAt(start) * 31 + text.charCodeAt(start + (length >> 1)) * 7 + text.charCodeAt(end - 1) * 3) & (TEXT_SLOTS - 1);
  const known = TEXTS[slot];
  if (known !== undefined && known.length === length && text.startsWith(known, start)) return known;
  const fresh = text.slice(start, end);
  TEXTS[slot] = fresh;
  return fresh;
}

/** `text` as the shared string of internSlice. */
export function internText(text: string): string {
  return text.length > MAX_TEXT_LENGTH ? text : internSlice(text, 0, text.length);
}

/**
 * Equal values of one sheet's cells, one object each: tables repeat their items from project to
 * project (the bench's 100,000 rows: 327,000 values parsed, 80,000 distinct), and a value is read-only
 * once parsed. Scoped to one check (check.ts buildRows makes one per sheet), so nothing outlives
 * it. Values are found by their span (shared spans are one object per offsets: internSpan), then
 * by their text as written, and reused only when every field is equal.
 */
export class ValueTable {
  private readonly bySpan = new Map<Span, Map<string, ParsedValue[]>>();

  intern(value: ParsedValue): ParsedValue {
    let byRaw = this.bySpan.get(value.span);
    if (byRaw === undefined) {
      byRaw = new Map();
      this.bySpan.set(value.span, byRaw);
    }
    const raw = value.raw;
    const known = byRaw.get(raw);
    if (known === undefined) {
      // A place whose values are all different (free text) stops collecting them.
      if (byRaw.size < TEXTS_PER_SPAN) byRaw.set(raw, [value]);
      return value;
    }
    // Equal text almost always reads alike; the fields decide.
    for (const other of known) if (sameValueFields(other, value)) return other;
    if (known.length < VALUES_PER_TEXT) known.push(value);
    return value;
  }
}

/** Distinct texts kept per span: a template's place holds a handful (the bench's 100,000 rows:
 * 80,000 values over 8,600 spans); the bound stops a sheet of one-off texts growing the maps.
 * (An earlier bound of 16 values per span left 145,000 of those 80,000 unshared.) */
const TEXTS_PER_SPAN = 1024;
/** Values kept per text at one place: the same text reads differently only in a different
 * context (a heading before it), rarely. */
const VALUES_PER_TEXT = 4;
