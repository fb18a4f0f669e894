// Lint what reviews forget (STYLE.md): awaited returns inside try/catch, exhaustive switches,
// no Office.js outside src/excel and the entry files, no eval-like code anywhere.
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";

const officeGlobals = [
  { name: "Excel", message: "Office.js is used only in src/excel (and the entry files)." },
  { name: "Office", message: "Office.js is used only in src/excel (and the entry files)." },
  { name: "OfficeExtension", message: "Office.js is used only in src/excel (and the entry files)." },
];

export default tseslint.config(
  { ignores: ["node_modules/", "dist/", "dist-cli/", "out/", "test-output/", "coverage/", "**/*.js", "**/*.mjs"] },
  ...tseslint.configs.recommended,
  {
    files: ["**/*.ts", "**/*.tsx"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { "react-hooks": reactHooks },
    rules: {
      "@typescript-eslint/return-await": ["error", "in-try-catch"],
      "@typescript-eslint/switch-exhaustiveness-check": "error",
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-implied-eval": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-eval": "error",
      "no-new-func": "error",
      "no-restricted-properties": ["error", { property: "dangerouslySetInnerHTML", message: "Never inject HTML." }],
      "no-restricted-syntax": [
        "error",
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: "Never inject HTML." },
      ],
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "warn",
    },
  },
  {
    files: ["src/**/*.ts", "src/**/*.tsx"],
    ignores: ["src/excel/**", "src/taskpane/index.tsx", "src/taskpane/bootstrap.ts", "src/commands/**", "src/dialog/dialog.ts"],
    rules: { "no-restricted-globals": ["error", ...officeGlobals] },
  },
  {
    files: ["test/**", "**/*.test.ts", "**/*.test.tsx", "bench/**", "scripts/**"],
    rules: { "@typescript-eslint/no-non-null-assertion": "off" },
  },
);
