import type { CellSection, IndicatorItem, Span, TextEdit } from "../model";
import { compactFolded, fullCategoryWord } from "../parse/vocabulary";

/** One category word the cleaner writes otherwise: where it stands, as written, and as written clean. */
export interface CategoryEdit extends TextEdit {
  from: string;
}

/**
 * The edits that write an item's own known 一级 and 二级 as the cleaner does (category_normalized's
 * auto-fix, and the cleaner's for an item it keeps as written): a word written short in full
 * (`满意度` → `满意度指标`, `产出指标（数量）` → `产出指标（数量指标）`: fullCategoryWord), spaces
 * inside dropped (`效益 指标`). Only an item that writes its 一级 itself: a heading's words are the
 * heading's, and a 二级 written alone is level1_missing's (its fix writes it in full). An unknown
 * word (`产出指数`) is the author's to fix. Spans point into `cellText`.
 */
export function categoryNormalization(item: IndicatorItem, cellText: string): CategoryEdit[] {
  if (item.level1Source !== "written" || item.level1 === undefined || item.level1Span === undefined) return [];
  if (cellText.slice(item.span.start, item.span.end) !== item.raw) return [];
  const edits: CategoryEdit[] = [];
  const span1 = item.level1Span;
  const level1 = cellText.slice(span1.start, span1.end);
  const clean1 = cleanWord(level1);
  if (clean1 !== level1) edits.push({ span: span1, text: clean1, from: level1 });
  const level2 = item.level2Source === "written" && item.level2 !== undefined ? item.level2Raw : undefined;
  if (level2 === undefined || level2 === "") return edits;
  const clean2 = cleanWord(level2);
  if (clean2 === level2) return edits;
  const at = item.raw.indexOf(level2, span1.end - item.span.start);
  if (at >= 0) edits.push({ span: { start: item.span.start + at, end: item.span.start + at + level2.length }, text: clean2, from: level2 });
  return edits;
}

/** A known category word as the cleaned text writes it: compact, in full. */
function cleanWord(word: string): string {
  return compactFolded(fullCategoryWord(word.trim()));
}

/**
 * The edits that write a section heading's known 一级 and 二级, and its sub-headings' 二级, as the
 * cleaner does (`一、产出` → `一、产出指标`, `（一）数量` → `（一）数量指标`): category_normalized's
 * auto-fix of the heading, where each word stands. None for a heading whose 一级 is inferred from
 * the 二级 it writes alone (`数量指标：`: level1_missing's, its fix writes it in full). Spans point
 * into `cellText`.
 */
export function sectionCategoryNormalization(section: CellSection, cellText: string): CategoryEdit[] {
  if (section.level1Inferred === true) return [];
  const edits: CategoryEdit[] = [];
  wordEdit(edits, cellText, section.level1Span);
  if (section.level2Span !== undefined) wordEdit(edits, cellText, section.level2Span);
  for (const sub of section.subsections ?? []) wordEdit(edits, cellText, sub.level2Span);
  return edits;
}

/** The edit writing the category word at `span` clean, when it is written otherwise. */
function wordEdit(edits: CategoryEdit[], cellText: string, span: Span): void {
  const word = cellText.slice(span.start, span.end);
  const clean = cleanWord(word);
  if (word !== "" && clean !== word) edits.push({ span, text: clean, from: word });
}
