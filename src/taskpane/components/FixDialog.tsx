import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { Issue } from "../../core/model";
import type { CellEdit } from "../../core/plan";
import { useI18n } from "../i18n";
import { diffMiddle } from "../model/textDiff";

/** A preview waiting for the user's 应用修复: the edits and the issues they fix. */
export interface FixRequest {
  title: string;
  edits: CellEdit[];
  issues: Issue[];
}

/** Past this many cells the preview lists the first ones and says how many more. */
const PREVIEW_LIMIT = 30;

const useStyles = makeStyles({
  content: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, maxHeight: "60vh", overflowY: "auto" },
  edit: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  text: {
    whiteSpace: "pre-wrap",
    wordBreak: "break-all",
    padding: tokens.spacingHorizontalXS,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusSmall,
  },
  removed: { backgroundColor: tokens.colorPaletteRedBackground2, textDecorationLine: "line-through" },
  added: { backgroundColor: tokens.colorPaletteGreenBackground2 },
});

export function FixDialog({ request, busy, onApply, onClose }: { request: FixRequest | undefined; busy: boolean; onApply: () => void; onClose: () => void }) {
  const styles = useStyles();
  const { t } = useI18n();
  const edits = request?.edits ?? [];
  return (
    <Dialog open={request !== undefined} onOpenChange={(_, data) => (data.open ? undefined : onClose())}>
      <DialogSurface data-testid="fix-dialog">
        <DialogBody>
          <DialogTitle>{request?.title}</DialogTitle>
          <DialogContent className={styles.content}>
            {edits.slice(0, PREVIEW_LIMIT).map((edit) => {
              const d = diffMiddle(edit.before, edit.after);
              return (
                <div key={`${edit.sheet}!${edit.cell}`} className={styles.edit} data-testid="fix-edit" data-cell={edit.cell}>
                  <Text weight="semibold">{`${edit.sheet}!${edit.cell}`}</Text>
                  <Text size={200}>{t.before}</Text>
                  <div className={styles.text}>
                    {d.prefix}
                    <del className={styles.removed}>{d.removed}</del>
                    {d.suffix}
                  </div>
                  <Text size={200}>{t.after}</Text>
                  <div className={styles.text} data-testid="fix-after">
                    {d.prefix}
                    <ins className={styles.added}>{d.added}</ins>
                    {d.suffix}
                  </div>
                </div>
              );
            })}
            {edits.length > PREVIEW_LIMIT ? <Text>{t.moreEdits(edits.length - PREVIEW_LIMIT)}</Text> : null}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" disabled={busy} onClick={onApply} data-testid="apply-fix">
              {t.applyFix}
            </Button>
            <Button onClick={onClose}>{t.close}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
