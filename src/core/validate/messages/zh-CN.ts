/**
 * 校验结果的文字（简体中文，默认）：template → check → message id, with `{placeholders}` filled
 * from the report's data. The one place a finding's wording lives (chinese-text.md: full-width
 * punctuation beside Chinese); en-US.ts is its twin, key for key. Input errors keep the wording of
 * core/input's catalogue (`{detail}`); so do the rules cores' own findings (trip, patrol).
 */
export const zhCN = {
  engine: {
    template: {
      unrecognised: "工作表“{sheet}”未识别为任何模板，未作校验{closest}；如需校验，请对照“模板”页的空白表核对表头",
      closest: "（最接近“{title}”，缺少“{missing}”列）",
      missingColumn: "工作表“{sheet}”缺少“{column}”列，无法按“{title}”校验",
      missingOneOf: "工作表“{sheet}”缺少{alternatives}列，无法按“{title}”校验",
    },
    input: {
      detail: "{detail}",
    },
    check: {
      failed: "校验“{what}”时出错，该项未能完成：{detail}",
      failedMore: "（共 {rows} 行出错）",
    },
    /** how a finding names another row: on its own sheet, or (合并校验) in another file */
    ref: {
      row: "第{row}行",
      rows: "第{rows}行",
      cellIn: "“{file}”{sheet}!{cell}",
    },
  },
  petition: {
    category: {
      notCategory: "{detail}",
    },
    "unit-category": {
      unlisted: "“{unit}”不在办法一所列A、B、C类单位中（信访工作量小的单位不列入考核范围），请核对分类",
      otherCategory: "“{unit}”在办法一中列为{listed}类，填报为{category}类",
    },
    "section-max": {
      aboveMax: "{category}类“{section}”满分{max}分，填报{value}分",
    },
    "major-incident": {
      notZero: "发生重大恶性事件，“集体上访和疑难个访”应扣除全部得分（{zero}分），填报{values}分",
      flagged: "已填“发生重大恶性事件”，但“集体上访和疑难个访”仍有{values}分：核实事件或将该项改为{zero}分",
    },
    "annual-average": {
      yearsAdded: "合计把第四、五项两年得分相加了；应取两年平均值，合计为{expected}分，填报{typed}分",
    },
    total: {
      wrongTotal: "合计应为{expected}分（一至六项之和，第四、五项取两年平均值），填报{typed}分",
    },
    percent: {
      wrongPercent: "{category}类满分{full}分，合计{raw}分折算百分制应为{expected}，填报{typed}",
    },
    "c-over-stated": {
      statedBasis: "{category}类原始得分{raw}分超过办法三（四）规定的满分{stated}分：办法二所列{category}类项目合计为{items}分，二者矛盾；按规定满分折算，请说明",
      itemsBasis: "{category}类原始得分{raw}分超过办法三（四）规定的满分{stated}分：办法二所列{category}类项目合计为{items}分，二者矛盾；按项目合计折算，请说明",
    },
    rank: {
      wrongRank: "{category}类内排名应为第{expected}名，填报第{typed}名",
    },
    "duplicate-unit": {
      duplicate: "“{unit}”重复，与{first}相同",
    },
  },
  "eval-county": {
    "component-range": {
      outOfRange: "{name}须在0–{max}分之间，填报{value}",
    },
    "bonus-cap": {
      negative: "加分不能为负数，填报{value}（减分请填入“减分”列）",
      aboveCap: "累计加分不超过{cap}分，填报{value}分",
    },
    "deduction-cap": {
      aboveCap: "累计扣分不超过{cap}分，填报{value}分",
    },
    internal: {
      wrongInternal: "内部评估得分应为领导评价{leaders}×{leadersShare}与同级评价{peers}×{peersShare}之和，即{expected}，填报{typed}",
    },
    composite: {
      wrongComposite: "综合得分应为{expected}分，填报{typed}分",
    },
    "grade-pass": {
      vetoed: "有“一票否决”事项，等次应为不合格，填报{typed}",
      belowPass: "综合得分{composite}分低于{pass}分，等次应为不合格，填报{typed}",
      needsDecision: "综合得分{composite}分、无一票否决，评为不合格须有市委常委会议认定（严重失职），请说明",
    },
    "advanced-eligible": {
      notEligible: "不具备先进条件：{reasons}",
      notQualified: "不是合格单位",
      noSatisfaction: "未填公众满意度",
      lowSatisfaction: "公众满意度{share}%低于{min}%",
      targetsMissed: "未完成目标任务",
      sanctioned: "班子成员受处分",
    },
    "advanced-quota": {
      overQuota: "{units}个被评估单位的先进名额为{places}个（{quota}%），评为先进{advanced}个",
    },
    "advanced-skipped": {
      skipped: "综合得分{composite}分、符合先进条件，高于先进单位的最低分{lowest}分，却未评为先进，请说明",
    },
    "advanced-tie": {
      tie: "先进名额末位并列：{count}个单位综合得分均为{composite}分，须人工决定",
    },
  },
  "eval-dept": {
    "indicator-range": {
      outOfRange: "指标得分须在0–{max}分之间，填报{value}",
    },
    grade: {
      shouldFail: "{reasons}，等次应为不合格，填报{typed}",
      shouldPass: "完成为民办实事、各项指标均在{pass}分以上且无一票否决，等次应为合格或先进，填报不合格",
      notDone: "未完成为民办实事指标任务",
      lowScores: "指标得分{scores}分低于{pass}分",
      veto: "有“一票否决”事项",
    },
    "advanced-quota": {
      overQuota: "{units}个被评估部门的先进名额为{places}个（{quota}%），评为先进{advanced}个",
    },
  },
  trip: {
    "group-size": { finding: "{detail}" },
    "trips-per-year": { finding: "{detail}" },
    countries: { finding: "{detail}" },
    "days-abroad": { finding: "{detail}" },
    "training-length": { finding: "{detail}" },
    "lead-time": { finding: "{detail}" },
    report: { finding: "{detail}", beforeReturn: "{column}早于返回日期，请核对" },
    passport: { finding: "{detail}", beforeReturn: "{column}早于返回日期，请核对" },
    "date-order": { returnFirst: "返回日期{returnDate}早于出发日期{departure}" },
    "days-agree": { wrongDays: "在外天数应为{expected}天（含出发、返回当天），填报{typed}天" },
    "leader-once-a-year": {
      tooMany: "{leader}{year}年率团出访{count}次（{rows}），市管干部原则上一年内出访不超过{max}次",
    },
  },
  grid: {
    "posts-short": {
      short: "{households}户应设{need}个岗位，现有{workers}名专职工作者（招录可在{years}年内完成）",
    },
    "no-worker": {
      none: "社区有{households}户，应至少配备{min}名专职工作者，现为{workers}名",
    },
    "subsidy-amount": {
      starred: "{stars}星级社区年度补助应为{expected}元，填报{actual}元",
      unstarred: "未评星或三星级以下社区年度补助应为{expected}元，填报{actual}元",
    },
    "subsidy-share": {
      city: "年度补助{base}元由市、区两级按{cityShare}∶{districtShare}承担，市级应为{expected}元，填报{actual}元",
      district: "年度补助{base}元由市、区两级按{cityShare}∶{districtShare}承担，区级应为{expected}元，填报{actual}元",
    },
    "grid-count": {
      blank: "网格数未填，社区须划分网格、全面覆盖",
      tooFew: "网格数应至少为{min}，填报{value}",
    },
    "duplicate-community": {
      duplicate: "{district}{community}重复，与{first}相同",
    },
    "total-row": {
      subtotal: "小计行“{column}”应为本组各行之和{expected}，填报{typed}",
      total: "合计行“{column}”应为各行之和{expected}，填报{typed}",
    },
  },
  patrol: {
    "daily-patrol": {
      tooFew: "{worker}在{date}：{detail}",
    },
    "time-in-grid": {
      tooLittle: "{detail}",
    },
    "supervisor-weekly": {
      tooFew: "督导员{name}在{from}至{to}这一周参与巡查{count}次，应不少于{min}次",
    },
  },
} as const;

/** The catalogue's shape: every locale has the same templates, checks and message ids. */
export type Catalogue = { readonly [scope: string]: { readonly [check: string]: { readonly [id: string]: string } } };
export type CatalogueShape = { readonly [S in keyof typeof zhCN]: { readonly [C in keyof (typeof zhCN)[S]]: { readonly [M in keyof (typeof zhCN)[S][C]]: string } } };
