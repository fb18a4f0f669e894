import type { Rule, TableContext, Emit } from "../rules/rule";
import { toA1 } from "./address";
import { isLaterColumn } from "../rules/finding";

/**
 * One department or unit spelled several ways in one table: the full name and its short form
 * (`委员会` → `委`, `人民政府` → `政府`, `中国共产党` → `中共`), with or without the city or
 * province prefix (`广州市花都区…` / `花都区…`), other widths or spacing, or an abbreviation
 * whose characters all appear in the full name (`人社局` in `人力资源和社会保障局`).
 * Summaries by unit split such a unit in two, so reviewers ask for one spelling.
 */

export interface NameCluster {
  /** The spelling most names in the cluster use; on a tie the longer one (the full name). */
  canonical: string;
  /** The other spellings, most frequent first. */
  variants: string[];
}

/** Full forms and their accepted short forms, longest first so `人民代表大会常务委员会`
 * is not first cut down by `委员会`. */
const ABBREVIATIONS: readonly (readonly [string, string])[] = [
  ["中国人民政治协商会议", "政协"],
  ["人民代表大会常务委员会", "人大常委会"],
  ["人民代表大会", "人大"],
  ["中国共产党", "中共"],
  ["中国共产主义青年团", "共青团"],
  ["工商业联合会", "工商联"],
  ["妇女联合会", "妇联"],
  ["残疾人联合会", "残联"],
  ["文学艺术界联合会", "文联"],
  ["科学技术协会", "科协"],
  ["常务委员会", "常委会"],
  ["管理委员会", "管委会"],
  ["委员会", "委"],
  ["人民政府", "政府"],
  ["人民检察院", "检察院"],
  ["人民法院", "法院"],
  ["办公室", "办"],
];

/** Spacing and punctuation that never tells two units apart (after NFKC width folding). */
const IGNORED = new Set([..." \t\n\r\u3000\u00a0·•・-—_()[]〔〕【】\"'“”‘’,，、.。"]);

/** Ends of administrative-division names: `广州市`, `花都区`, `花山镇`, `新华街道`. */
const DIVISION_SUFFIXES = ["自治区", "自治州", "自治县", "街道", "省", "市", "区", "县", "州", "旗", "盟", "镇", "乡"];
/** A division's own name is 2–6 characters (`花都`+`区`): one character would read `城市` in
 * `城市管理局` as a city. */
const MIN_DIVISION_NAME = 2;
const MAX_DIVISION_NAME = 6;
/** Characters of organisations, never of a division's own name (`区委` is the party committee). */
const ORGANISATION_CHARS = new Set([..."委局部办厅院会所站队司处科室校"]);
/** An organisation's field with the division suffix 乡 second: `住房和城乡建设局` and `住房城乡建设局`
 * hold no township `住房和城乡`/`住房城乡`; the township `古城乡` (`古城乡人民政府`) stays one. */
const FIELD_WORDS = ["城乡建设", "城乡规划", "城乡管理", "城乡发展", "城乡居民", "城乡社区", "城乡环境", "城乡一体"];
/** Where the suffix stands in each FIELD_WORDS word: right after its first character. */
const FIELD_SUFFIX_END = 2;

export interface NameParts {
  /** Leading administrative divisions, outermost first: `['广州市', '花都区']`. */
  divisions: string[];
  /** The rest, abbreviated and without `中共`: `委组织部`. */
  rest: string;
}

/** Organisations written before the divisions they belong to: `共青团广州市花都区委员会` is the
 * 共青团 committee of 花都区, kept with the rest (`共青团委`) so it stays apart from the party's `区委`. */
const LEADING_ORGANISATIONS = ["共青团"];

/** `中国共产党广州市花都区委员会组织部` → `{ divisions: ['广州市','花都区'], rest: '委组织部' }`;
 * `共青团广州市花都区委员会` → `{ divisions: ['广州市','花都区'], rest: '共青团委' }`. */
export function nameParts(name: string): NameParts {
  let key = "";
  for (const ch of withoutCode(name).normalize("NFKC")) if (!IGNORED.has(ch)) key += ch;
  for (const [full, short] of ABBREVIATIONS) if (key.includes(full)) key = key.split(full).join(short);
  // `中共花都区委` and `花都区委` are one committee: the party prefix is dropped.
  if (key.startsWith("中共") && key.length > 2) key = key.slice(2);
  const leading = LEADING_ORGANISATIONS.find((word) => key.startsWith(word) && key.length > word.length) ?? "";
  key = key.slice(leading.length);
  const divisions: string[] = [];
  let at = 0;
  for (;;) {
    const end = divisionEnd(key, at);
    if (end === undefined || end >= key.length) break;
    divisions.push(key.slice(at, end));
    at = end;
  }
  return { divisions, rest: leading + key.slice(at) };
}

/** End (exclusive) of a division name starting at `start`, if one starts there. */
function divisionEnd(key: string, start: number): number | undefined {
  for (let i = start; i < key.length && i - start <= MAX_DIVISION_NAME; i++) {
    if (i - start >= MIN_DIVISION_NAME) {
      for (const suffix of DIVISION_SUFFIXES) if (key.startsWith(suffix, i) && !inFieldWord(key, i + suffix.length)) return i + suffix.length;
    }
    if (ORGANISATION_CHARS.has(key[i] ?? "")) return undefined;
  }
  return undefined;
}

/** Whether the division suffix ending at `end` is inside a FIELD_WORDS word (`住房城乡建设局`). */
function inFieldWord(key: string, end: number): boolean {
  for (const word of FIELD_WORDS) if (key.startsWith(word, end - FIELD_SUFFIX_END)) return true;
  return false;
}

/** Divisions agree when one list ends the other: `[广州市, 花都区]` and `[花都区]`, not
 * `[花都区]` and `[白云区]`. A name without any division matches only another without. */
function divisionsAgree(a: readonly string[], b: readonly string[]): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length === 0) return long.length === 0;
  const offset = long.length - short.length;
  return short.every((division, i) => long[offset + i] === division);
}

/** Rests agree when equal, or when the shorter is an abbreviation of the longer: same first and
 * last character (the organisation's kind: 局, 部, 委 …) and every character in order.
 * `人社局` / `人力资源和社会保障局` agree; `组织部` / `宣传部` and `财政局` / `财政局办` do not. */
function restsAgree(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length < 2 || short[0] !== long[0] || short[short.length - 1] !== long[long.length - 1]) return false;
  let i = 0;
  for (const ch of long) if (ch === short[i]) i++;
  return i === short.length;
}

/** Whether two spellings name one organisation (as clusterNames groups them): `中国共产党广州市花都区
 * 委员会组织部` and `花都区委组织部`; a trailing note in brackets aside (`区人民医院（本级）`). */
export function sameOrganisation(a: string, b: string): boolean {
  const x = nameParts(withoutNote(a));
  const y = nameParts(withoutNote(b));
  return divisionsAgree(x.divisions, y.divisions) && restsAgree(x.rest, y.rest);
}

/** A code in brackets, digits only, before or after a name (`主管部门及代码`: `广州市花都区教育局（101）`,
 * `[101001]广州市花都区教育局`). */
const NAME_CODE = /^\s*[（(【[]\s*\d+\s*[）)】\]]\s*(?=\S)|(?<=\S)\s*[（(【[]\s*\d+\s*[）)】\]]\s*$/g;

/** A department's or unit's name without the code written with it (NAME_CODE), for comparing
 * names — the text shown keeps it: `广州市花都区教育局（101）` → `广州市花都区教育局`. */
export function withoutCode(name: string): string {
  return name.replace(NAME_CODE, "");
}

/** `区人民医院（本级）` → `区人民医院`. */
function withoutNote(name: string): string {
  const trimmed = name.trim();
  const open = Math.max(trimmed.lastIndexOf("（"), trimmed.lastIndexOf("("));
  return open > 0 && (trimmed.endsWith("）") || trimmed.endsWith(")")) ? trimmed.slice(0, open) : trimmed;
}

/**
 * Groups the spellings of `names` that name one organisation. Pass every occurrence (one per
 * row): frequencies choose each cluster's canonical spelling. Only clusters with at least two
 * spellings are returned, in the order their first name appears; empty names are ignored.
 */
export function clusterNames(names: readonly string[]): NameCluster[] {
  const counts = new Map<string, number>();
  for (const name of names) if (name.trim() !== "") counts.set(name, (counts.get(name) ?? 0) + 1);
  const spellings = [...counts.keys()];
  const parts = spellings.map(nameParts);

  const parent = spellings.map((_, i) => i);
  const find = (i: number): number => {
    let root = i;
    while (parent[root] !== root) root = parent[root] ?? root;
    return root;
  };
  // Agreeing rests share their first character: compare within those buckets only.
  const buckets = new Map<string, number[]>();
  parts.forEach((p, i) => {
    const bucket = buckets.get(p.rest[0] ?? "") ?? [];
    bucket.push(i);
    buckets.set(p.rest[0] ?? "", bucket);
  });
  for (const bucket of buckets.values()) {
    for (let x = 0; x < bucket.length; x++) {
      for (let y = x + 1; y < bucket.length; y++) {
        const i = bucket[x] ?? 0;
        const j = bucket[y] ?? 0;
        const a = parts[i];
        const b = parts[j];
        if (a && b && divisionsAgree(a.divisions, b.divisions) && restsAgree(a.rest, b.rest)) {
          parent[find(i)] = find(j);
        }
      }
    }
  }

  const groups = new Map<number, string[]>();
  spellings.forEach((spelling, i) => {
    const root = find(i);
    const group = groups.get(root) ?? [];
    group.push(spelling);
    groups.set(root, group);
  });
  const byPreference = (a: string, b: string) =>
    (counts.get(b) ?? 0) - (counts.get(a) ?? 0) || b.length - a.length || (a < b ? -1 : a > b ? 1 : 0);
  const clusters: NameCluster[] = [];
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const [canonical, ...variants] = [...group].sort(byPreference);
    if (canonical !== undefined) clusters.push({ canonical, variants });
  }
  return clusters;
}

const ROLES = ["department", "unit"] as const;

/** `name_variant` (info): each row whose department or unit differs from its cluster's most
 * frequent spelling, pointing at that row's department or unit cell. */
export const nameVariantRule: Rule = {
  codes: ["name_variant"],
  defaultSeverity: { name_variant: "info" },
  checkTable(table: TableContext, emit: Emit): void {
    for (const role of ROLES) {
      const columnIndex = table.table.columns[role];
      if (columnIndex === undefined) continue;
      const canonicalOf = new Map<string, string>();
      // One name per sheet row (category columns give a row several RowContexts).
      const rows = table.rows.filter((row) => !isLaterColumn(row));
      for (const cluster of clusterNames(rows.map((row) => row[role]))) {
        for (const variant of cluster.variants) canonicalOf.set(variant, cluster.canonical);
      }
      if (canonicalOf.size === 0) continue;
      for (const row of rows) {
        const canonical = canonicalOf.get(row[role]);
        if (canonical === undefined) continue;
        emit({
          code: "name_variant",
          rowNumber: row.rowNumber,
          cell: toA1(row.rowIndex, columnIndex),
          params: { value: row[role], canonical, role },
        });
      }
    }
  },
};
