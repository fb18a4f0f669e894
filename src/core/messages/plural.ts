/** `1 error`, `2 errors`, `0 errors`: an English count with its noun (the Chinese catalogs need none). */
export function countOf(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}
