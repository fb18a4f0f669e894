import type { Lang } from "../core/model";

export interface CliArgs {
  command: "check" | "help" | "version";
  inputs: string[];
  sheet?: string;
  json?: string;
  clean?: string;
  annotate?: string;
  rules?: string;
  profile?: "default" | "2021";
  unifyNames: boolean;
  lang: Lang;
  progress: boolean;
}

export type ArgsError =
  | { kind: "badOption"; option: string }
  | { kind: "missingValue"; option: string }
  | { kind: "noCommand" }
  | { kind: "unknownCommand"; command: string }
  | { kind: "noInputs" }
  | { kind: "badLang"; value: string }
  | { kind: "badProfile"; value: string };

const VALUE_OPTIONS = { "--sheet": "sheet", "--json": "json", "--clean": "clean", "--annotate": "annotate", "--rules": "rules" } as const;

/** Bad usage is a value, not an exception: the caller prints one line and exits 2. */
export function parseArgs(argv: readonly string[]): { ok: true; args: CliArgs } | { ok: false; error: ArgsError; lang: Lang } {
  const args: CliArgs = { command: "check", inputs: [], unifyNames: false, lang: "zh", progress: false };
  // --lang is looked up first so that even a usage error is reported in the asked language.
  const langAt = argv.findIndex((a) => a === "--lang" || a.startsWith("--lang="));
  const langValue = langAt < 0 ? undefined : argv[langAt]!.includes("=") ? argv[langAt]!.split("=")[1] : argv[langAt + 1];
  if (langValue === "en" || langValue === "zh") args.lang = langValue;
  const fail = (error: ArgsError) => ({ ok: false as const, error, lang: args.lang });

  let command: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    let arg = argv[i]!;
    let inline: string | undefined;
    if (arg.startsWith("--") && arg.includes("=")) {
      inline = arg.slice(arg.indexOf("=") + 1);
      arg = arg.slice(0, arg.indexOf("="));
    }
    const takeValue = (): string | undefined => {
      if (inline !== undefined) return inline;
      const next = argv[i + 1];
      if (next === undefined || (next.startsWith("--") && next.length > 2)) return undefined;
      i++;
      return next;
    };
    if (arg === "-h" || arg === "--help") return { ok: true, args: { ...args, command: "help" } };
    if (arg === "-v" || arg === "--version") return { ok: true, args: { ...args, command: "version" } };
    if (arg in VALUE_OPTIONS) {
      const value = takeValue();
      if (value === undefined) return fail({ kind: "missingValue", option: arg });
      args[VALUE_OPTIONS[arg as keyof typeof VALUE_OPTIONS]] = value;
    } else if (arg === "--lang") {
      const value = takeValue();
      if (value === undefined) return fail({ kind: "missingValue", option: arg });
      if (value !== "zh" && value !== "en") return fail({ kind: "badLang", value });
    } else if (arg === "--profile") {
      const value = takeValue();
      if (value === undefined) return fail({ kind: "missingValue", option: arg });
      if (value !== "2021" && value !== "default") return fail({ kind: "badProfile", value });
      args.profile = value;
    } else if (arg === "--unify-names") {
      args.unifyNames = true;
    } else if (arg === "--progress") {
      args.progress = true;
    } else if (arg.startsWith("-") && arg !== "-") {
      return fail({ kind: "badOption", option: arg });
    } else if (command === undefined) {
      command = arg;
    } else {
      args.inputs.push(arg);
    }
  }
  if (command === undefined) return fail({ kind: "noCommand" });
  if (command !== "check") return fail({ kind: "unknownCommand", command });
  if (args.inputs.length === 0) return fail({ kind: "noInputs" });
  return { ok: true, args };
}
