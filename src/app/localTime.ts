/**
 * The time on the user's clock, `2025-01-31 09:05:00`, as the 校验汇总 sheet shows when it was
 * made. Every host writes it this way (Excel, the file mode, the command line): local time, not
 * UTC, which would put a Beijing morning's check at the previous night. The core has no clock;
 * hosts pass this text in.
 */
export function localTimeText(d: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${String(d.getFullYear()).padStart(4, "0")}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}
