import { adversarialInputs, runFuzz, violation } from "./fuzzCore";
import { parseIndicatorCell } from "../../src/core/parse/parseCell";

// The 20,000-cell slice of `npm run fuzz`: no exception, no hang, spans inside the text.
test("20,000 generated and mutated cells parse and check without a failure", () => {
  const result = runFuzz(20_000);
  expect(result.failures).toEqual([]);
  expect(result.cases).toBe(20_000);
  expect(result.items).toBeGreaterThan(20_000);
});

test.each(adversarialInputs())("adversarial input %s parses in well under a second", (_name, text) => {
  const t0 = performance.now();
  const cell = parseIndicatorCell(text);
  const ms = performance.now() - t0;
  expect(violation(text, cell)).toBeUndefined();
  expect(ms).toBeLessThan(1000);
});
