import type { Host } from "../../app/host";
import type { Lang } from "../../core/model";
import { I18nContext, uiStrings } from "../i18n";
import { useChecker } from "../hooks/useChecker";
import { useSelectedCell } from "../hooks/useSelectedCell";
import { useSettings } from "../hooks/useSettings";
import { CheckerPanel } from "./CheckerPanel";
import { useEffect, useMemo } from "react";
import { messageForError } from "../model/paneMessage";

export interface AppProps {
  host: Host;
  /** Office's display language (the entry passes it); the user's saved choice wins. */
  lang?: Lang;
}

/** The task pane inside Excel. The entry renders it inside <FluentProvider theme={…}>. */
export function App({ host, lang: officeLang }: AppProps) {
  const { settings, loadError, save } = useSettings(host);
  const lang: Lang = settings.options.lang ?? officeLang ?? "zh";
  const i18n = useMemo(() => ({ lang, t: uiStrings(lang) }), [lang]);
  const checker = useChecker(host, settings, lang, i18n.t);
  const [selectedCell] = useSelectedCell(host);
  const { showMessage } = checker;

  useEffect(() => {
    if (loadError !== undefined) showMessage(messageForError(loadError, i18n.t));
  }, [loadError, showMessage, i18n.t]);

  return (
    <I18nContext.Provider value={i18n}>
      <CheckerPanel
        host={host}
        checker={checker}
        settings={settings}
        saveSettings={save}
        selectedCell={selectedCell}
        title={i18n.t.appTitle}
      />
    </I18nContext.Provider>
  );
}
