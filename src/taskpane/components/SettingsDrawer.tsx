import {
  Button,
  DrawerBody,
  DrawerFooter,
  DrawerHeader,
  DrawerHeaderTitle,
  Field,
  Input,
  OverlayDrawer,
  Select,
  Switch,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useMemo, useState } from "react";
import type { Settings } from "../../app/host";
import { ruleTitle } from "../../core/messages/index";
import type { ColumnRole, Lang, RuleCode, RuleSetting, SheetReport } from "../../core/model";
import { RULE_CODES } from "../../core/rules/index";
import { defaultSeverities } from "../../core/rules/settings";
import { useI18n } from "../i18n";
import { MAPPABLE_ROLES, fromDraft, hasErrors, toDraft, validateDraft, type SettingsDraft } from "../model/settingsForm";
import { DEFAULT_SETTINGS } from "../hooks/useSettings";

const useStyles = makeStyles({
  body: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  columns: { display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(130px, 1fr))", gap: tokens.spacingHorizontalS },
  code: { color: tokens.colorNeutralForeground3, fontFamily: tokens.fontFamilyMonospace },
  footer: { display: "flex", gap: tokens.spacingHorizontalS },
});

const SETTINGS: readonly RuleSetting[] = ["error", "warning", "info", "off"];

/** Column mapping, rules on/off/severity, the 2021 profile, highlighting, language. */
export function SettingsDrawer(props: {
  open: boolean;
  settings: Settings;
  /** The last check's table, to show what was detected. */
  detected: SheetReport | undefined;
  onSave: (settings: Settings) => Promise<boolean>;
  onClose: () => void;
}) {
  const styles = useStyles();
  const { t, lang } = useI18n();
  const [draft, setDraft] = useState<SettingsDraft>(() => toDraft(props.settings));
  const [saving, setSaving] = useState(false);
  const defaults = useMemo(() => defaultSeverities(), []);

  // Opening starts from what is saved, dropping unsaved edits of a previous opening.
  useEffect(() => {
    if (props.open) setDraft(toDraft(props.settings));
  }, [props.open, props.settings]);

  const errors = validateDraft(draft);
  const update = (patch: Partial<SettingsDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const save = async () => {
    setSaving(true);
    try {
      if (await props.onSave(fromDraft(draft))) props.onClose();
    } finally {
      setSaving(false);
    }
  };

  return (
    <OverlayDrawer open={props.open} position="end" size="medium" onOpenChange={(_, data) => (data.open ? undefined : props.onClose())} data-testid="settings-drawer">
      <DrawerHeader>
        <DrawerHeaderTitle
          action={
            <Button appearance="subtle" aria-label={t.close} onClick={props.onClose}>
              ×
            </Button>
          }
        >
          {t.settingsTitle}
        </DrawerHeaderTitle>
      </DrawerHeader>
      <DrawerBody className={styles.body}>
        <section className={styles.section} aria-label={t.sectionGeneral}>
          <Text weight="semibold" size={400}>
            {t.sectionGeneral}
          </Text>
          <Field label={t.language}>
            <Select value={draft.lang} onChange={(_, d) => update({ lang: d.value as Lang | "auto" })} data-testid="language-select">
              <option value="auto">{t.languageAuto}</option>
              <option value="zh">中文</option>
              <option value="en">English</option>
            </Select>
          </Field>
          <Field hint={t.profile2021Hint}>
            <Switch
              label={t.profile2021}
              checked={draft.profile2021}
              onChange={(_, d) => update({ profile2021: d.checked })}
              data-testid="profile-2021"
            />
          </Field>
          <Switch
            label={t.highlightAfterCheck}
            checked={draft.highlight}
            onChange={(_, d) => update({ highlight: d.checked })}
            data-testid="highlight-switch"
          />
        </section>

        <section className={styles.section} aria-label={t.sectionColumns}>
          <Text weight="semibold" size={400}>
            {t.sectionColumns}
          </Text>
          <Text size={200}>{t.columnHint}</Text>
          <Field
            label={t.headerRow}
            hint={props.detected ? `${t.headerRowHint} ${t.detectedColumn(String(props.detected.headerRow))}` : t.headerRowHint}
            validationState={errors.headerRow ? "error" : "none"}
            validationMessage={errors.headerRow ? t.headerRowInvalid : undefined}
          >
            <Input value={draft.headerRow} inputMode="numeric" onChange={(_, d) => update({ headerRow: d.value })} data-testid="header-row-input" />
          </Field>
          <div className={styles.columns}>
            {MAPPABLE_ROLES.map((role: ColumnRole) => {
              // Category columns: every column holding indicators (`D,E,F`).
              const categories = role === "indicators" ? props.detected?.indicatorColumns?.map((c) => c.column).join(",") : undefined;
              const detected = categories || props.detected?.columns[role];
              const invalid = errors.columns[role] === true;
              return (
                <Field
                  key={role}
                  label={t.role[role]}
                  validationState={invalid ? "error" : "none"}
                  validationMessage={invalid ? t.columnInvalid : undefined}
                >
                  <Input
                    value={draft.columns[role] ?? ""}
                    placeholder={detected ?? ""}
                    maxLength={3}
                    onChange={(_, d) => update({ columns: { ...draft.columns, [role]: d.value.toUpperCase() } })}
                    data-testid={`column-${role}`}
                  />
                </Field>
              );
            })}
          </div>
        </section>

        <section className={styles.section} aria-label={t.sectionRules}>
          <Text weight="semibold" size={400}>
            {t.sectionRules}
          </Text>
          {RULE_CODES.map((code: RuleCode) => (
            <Field key={code} label={{ children: <>{ruleTitle(code, lang)} <span className={styles.code}>{code}</span></> }}>
              <Select
                value={draft.rules[code] ?? "default"}
                data-testid={`rule-${code}`}
                onChange={(_, d) => {
                  const rules = { ...draft.rules };
                  if (d.value === "default") delete rules[code];
                  else rules[code] = d.value as RuleSetting;
                  update({ rules });
                }}
              >
                <option value="default">{t.ruleSettingDefault(t.severity[defaults[code]])}</option>
                {SETTINGS.map((s) => (
                  <option key={s} value={s}>
                    {s === "off" ? t.ruleOff : t.severity[s]}
                  </option>
                ))}
              </Select>
            </Field>
          ))}
        </section>
      </DrawerBody>
      <DrawerFooter className={styles.footer}>
        <Button appearance="primary" disabled={saving || hasErrors(errors)} onClick={() => void save()} data-testid="save-settings">
          {t.save}
        </Button>
        <Button onClick={() => setDraft(toDraft(DEFAULT_SETTINGS))}>{t.resetDefaults}</Button>
        <Button onClick={props.onClose}>{t.close}</Button>
      </DrawerFooter>
    </OverlayDrawer>
  );
}
