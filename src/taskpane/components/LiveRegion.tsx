import { makeStyles } from "@fluentui/react-components";

const useStyles = makeStyles({
  // Visually hidden but read by screen readers (the classic clip pattern).
  hidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    margin: "-1px",
    padding: 0,
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
    whiteSpace: "nowrap",
    border: 0,
  },
});

/** Announces outcomes ("校验完成：3 个错误…") without moving focus. */
export function LiveRegion({ text }: { text: string }) {
  const styles = useStyles();
  return (
    <div className={styles.hidden} role="status" aria-live="polite" aria-atomic="true" data-testid="live-region">
      {text}
    </div>
  );
}
