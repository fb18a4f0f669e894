import { createContext, useContext } from "react";
import type { Lang } from "../../core/model";
import { en } from "./en";
import type { UiStrings } from "./strings";
import { zhCN } from "./zh-CN";

export type { UiStrings } from "./strings";

const catalogs: Record<Lang, UiStrings> = { zh: zhCN, en };

export function uiStrings(lang: Lang): UiStrings {
  return catalogs[lang];
}

/** The pane's language and its strings; Chinese unless a provider says otherwise. */
export interface I18n {
  lang: Lang;
  t: UiStrings;
}

export const I18nContext = createContext<I18n>({ lang: "zh", t: zhCN });

export function useI18n(): I18n {
  return useContext(I18nContext);
}
