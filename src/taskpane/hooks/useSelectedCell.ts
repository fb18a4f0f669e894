import { useEffect, useState } from "react";
import type { Host } from "../../app/host";

export interface CellRef {
  sheet: string;
  address: string;
}

/** The cell the user is on in the sheet (Excel) or the preview grid (file mode). */
export function useSelectedCell(host: Host): [CellRef | undefined, (cell: CellRef | undefined) => void] {
  const [cell, setCell] = useState<CellRef>();
  useEffect(() => {
    if (!host.onSelectionChanged) return undefined;
    return host.onSelectionChanged((sheet, address) => setCell({ sheet, address: firstCell(address) }));
  }, [host]);
  return [cell, setCell];
}

/** `Sheet1!$E$6:$E$9` or `E6:E9` → `E6`: the pane lists the issues of the active cell. */
function firstCell(address: string): string {
  const local = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  return (local.split(":")[0] ?? local).replace(/\$/g, "").toUpperCase();
}
