/** The pane's plain-data template list (first load, no validator) is the validator's own list. */
import { listTemplates } from "../../../src/core/validate";
import { TEMPLATE_LIST } from "../../../src/taskpane/templateList";

test("TEMPLATE_LIST equals core/validate's listTemplates()", () => {
  expect(TEMPLATE_LIST).toEqual(listTemplates());
});
