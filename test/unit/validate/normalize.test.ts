import { isEndMarker, isTotalLabel, normalizeHeader } from "../../../src/core/validate/normalize";

describe("normalizeHeader (templates.md: spaces, line breaks, full width, prefixes, units)", () => {
  test.each([
    ["单位", "单位"],
    [" 单 位 ", "单位"],
    ["单\n位", "单位"],
    ["单\u3000位", "单位"],
    ["一、信访领导工作", "信访领导工作"],
    ["四、集体上访和疑难个访(分)", "集体上访和疑难个访"],
    ["(一)信访领导工作", "信访领导工作"],
    ["（一）信访领导工作", "信访领导工作"],
    ["㈠信访领导工作", "信访领导工作"],
    ["1.信访领导工作", "信访领导工作"],
    ["1、信访领导工作", "信访领导工作"],
    ["12. 户数", "户数"],
    ["①户数", "户数"],
    ["⑴户数", "户数"],
    ["户数（户）", "户数"],
    ["户数(户)", "户数"],
    ["户 数\n(户)", "户数"],
    ["年度补助（元）", "年度补助"],
    ["年度补助(万元)", "年度补助"],
    ["年度补助(单位:元)", "年度补助"],
    ["年度补助[元]", "年度补助"],
    ["年度补助【元】", "年度补助"],
    ["在格时长(小时)", "在格时长"],
    ["公众满意度(%)", "公众满意度"],
    ["公众满意度（％）", "公众满意度"],
    ["人数(人)", "人数"],
    ["单位名称：", "单位名称"],
    ["单位名称:", "单位名称"],
    ["*单位", "单位"],
    ["ＡＢＣ", "abc"],
    ["一、信访领导工作\n（分）：", "信访领导工作"],
  ])("%j → %j", (raw, norm) => expect(normalizeHeader(raw)).toBe(norm));

  test.each([
    ["出访国家(地区)", "出访国家(地区)"], // brackets that are part of the name are kept
    ["街道(乡镇)", "街道(乡镇)"],
    ["一票否决", "一票否决"], // 一 is not a numbering prefix without 、
    ["1.5倍", "1.5倍"],
    ["第一年", "第一年"],
    ["2024年度", "2024年度"],
  ])("%j keeps its meaning: %j", (raw, norm) => expect(normalizeHeader(raw)).toBe(norm));

  test("blank and non-text cells", () => {
    expect(normalizeHeader(null)).toBe("");
    expect(normalizeHeader(undefined)).toBe("");
    expect(normalizeHeader("  \n ")).toBe("");
    expect(normalizeHeader(2024)).toBe("2024");
  });
});

describe("total and end-of-table rows", () => {
  test.each([["合计"], ["合 计"], ["小计"], ["总计"], ["总 计:"], ["合计(全市)"], ["全区合计"], [" 合计 "]])(
    "%j is a total", (t) => expect(isTotalLabel(t)).toBe(true));
  test.each([["统计局"], ["审计局"], ["总工会"], ["合作社"], ["小区"], ["计生委"], ["市合计划生育协会第二分会"]])(
    "%j is not a total", (t) => expect(isTotalLabel(t)).toBe(false));

  test.each([["注:以上数据截至年底"], ["注：以上数据截至年底"], ["注 : 无"], ["注1:"], ["说明:本表"], ["说明："],
    ["备注:"], ["填表人:张三"], ["填报单位:市委办"], ["审核:李四"], ["单位负责人:王"], ["联系电话:123"], ["填表人：张三"], ["审核人:李四"], ["制表:王五"], ["制表人 王五"], ["注"]])(
    "%j ends the table", (t) => expect(isEndMarker(t)).toBe(true));
  test.each([["注册中心"], ["说唱团"], ["南岗区"], ["审计局"], ["审批服务局"], ["填报中心"], ["单位"], [""]])(
    "%j does not end the table", (t) => expect(isEndMarker(t)).toBe(false));
});
