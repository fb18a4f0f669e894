import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { useI18n } from "../i18n";
import { paneText, type PaneMessage } from "../model/paneMessage";

/** The one message bar of the pane: host failures (by kind) and short confirmations. */
export function PaneMessageBar({ message, onDismiss }: { message: PaneMessage | undefined; onDismiss: () => void }) {
  const { t } = useI18n();
  if (!message) return null;
  return (
    <MessageBar intent={message.intent} data-testid="error-bar" data-intent={message.intent} data-kind={message.kind}>
      <MessageBarBody>
        {message.title ? <MessageBarTitle>{message.title}</MessageBarTitle> : null}
        {paneText(message.text, t)}
      </MessageBarBody>
      <MessageBarActions
        containerAction={<Button appearance="transparent" size="small" aria-label={t.dismiss} onClick={onDismiss}>×</Button>}
      />
    </MessageBar>
  );
}
