import { projectNameMissingRule } from "../../src/core/rules/projectNameMissing";
import { VILLAGE_OFFICE } from "./cells";
import { cellCodes, dataRow } from "./harness";

describe("project_name_missing", () => {
  it("flags a data row with an empty project cell, at the project cell", () => {
    expect(cellCodes(projectNameMissingRule, dataRow(VILLAGE_OFFICE, 15, ""))).toEqual([["C15", "project_name_missing"]]);
  });

  it("accepts a named project, and a table without a project column", () => {
    expect(cellCodes(projectNameMissingRule, dataRow(VILLAGE_OFFICE, 15, "区级村办公经费（本部）"))).toEqual([]);
    const { projectAddress: _, ...noProjectColumn } = dataRow(VILLAGE_OFFICE, 15, "");
    expect(cellCodes(projectNameMissingRule, noProjectColumn)).toEqual([]);
  });
});
