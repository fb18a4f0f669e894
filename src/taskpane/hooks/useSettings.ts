import { useCallback, useEffect, useState } from "react";
import type { Host, Settings } from "../../app/host";

/** A fresh document: default rules, detected columns, highlight after each check. */
export const DEFAULT_SETTINGS: Settings = { options: {}, highlight: true };

export interface SettingsState {
  settings: Settings;
  /** The load failed: the pane runs with defaults and says so. */
  loadError?: unknown;
  save(next: Settings): Promise<void>;
}

/** Settings live with the host (Excel: document settings, so colleagues share them). */
export function useSettings(host: Host): SettingsState {
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [loadError, setLoadError] = useState<unknown>();

  useEffect(() => {
    let live = true;
    host.loadSettings().then(
      (loaded) => {
        if (live && loaded) setSettings(loaded);
      },
      (e: unknown) => {
        if (live) setLoadError(e);
      },
    );
    return () => {
      live = false;
    };
  }, [host]);

  const save = useCallback(
    async (next: Settings) => {
      await host.saveSettings(next);
      setSettings(next);
    },
    [host],
  );

  return { settings, ...(loadError !== undefined ? { loadError } : {}), save };
}
