import { Field, Select } from "@fluentui/react-components";
import type { FileSheet } from "../../workbook/fileHost";
import { useI18n } from "../i18n";

/** The sheet to check and preview; hidden sheets are listed, marked. While busy (the chosen sheet
 * being read and checked) it refuses changes but keeps the keyboard focus: a disabled select
 * drops it to the page. */
export function SheetPicker({ sheets, chosen, disabled, onChoose }: { sheets: readonly FileSheet[]; chosen: string | undefined; disabled: boolean; onChoose: (sheet: string) => void }) {
  const { t } = useI18n();
  return (
    <Field label={t.sheet}>
      <Select
        value={chosen ?? ""}
        disabled={sheets.length === 0}
        aria-disabled={disabled || undefined}
        onChange={(_, d) => {
          if (!disabled) onChoose(d.value);
        }}
        data-testid="sheet-select"
      >
        {chosen === undefined ? <option value="" /> : null}
        {sheets.map((s) => (
          <option key={s.name} value={s.name}>
            {s.state === "visible" ? s.name : `${s.name}${t.hiddenSheet}`}
          </option>
        ))}
      </Select>
    </Field>
  );
}
