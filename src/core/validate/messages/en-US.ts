/** The en-US twin of zh-CN.ts: the same templates, checks, message ids and placeholders. */
import type { CatalogueShape } from "./zh-CN";

export const enUS: CatalogueShape = {
  engine: {
    template: {
      unrecognised: "Sheet “{sheet}” matches no template and was not checked{closest}; to check it, compare its header with the blank sheet on the Templates tab",
      closest: " (closest: “{title}”, missing columns: {missing})",
      missingColumn: "Sheet “{sheet}” lacks the column “{column}” and cannot be checked as “{title}”",
      missingOneOf: "Sheet “{sheet}” lacks the column {alternatives} and cannot be checked as “{title}”",
    },
    input: {
      detail: "{detail}",
    },
    check: {
      failed: "Checking “{what}” failed and was not completed: {detail}",
      failedMore: " ({rows} rows failed)",
    },
    ref: {
      row: "row {row}",
      rows: "rows {rows}",
      cellIn: "“{file}” {sheet}!{cell}",
    },
  },
  petition: {
    category: { notCategory: "{detail}" },
    "unit-category": {
      unlisted: "“{unit}” is not among the A, B and C units listed in section 一 (units with a light load are not assessed); check the category",
      otherCategory: "“{unit}” is listed as category {listed} in section 一 but entered as {category}",
    },
    "section-max": { aboveMax: "Category {category} “{section}” is out of {max}; entered {value}" },
    "major-incident": {
      notZero: "A major incident occurred: “集体上访和疑难个访” loses all points ({zero}); entered {values}",
      flagged: "“发生重大恶性事件” is filled but “集体上访和疑难个访” still has {values} points: verify the incident or set it to {zero}",
    },
    "annual-average": {
      yearsAdded: "The total adds the two years of sections 四 and 五; it takes their average, total {expected}; entered {typed}",
    },
    total: { wrongTotal: "The total should be {expected} (sections 一 to 六, 四 and 五 averaged over two years); entered {typed}" },
    percent: { wrongPercent: "Category {category} is out of {full}; a total of {raw} is {expected} on the 100-point scale; entered {typed}" },
    "c-over-stated": {
      statedBasis: "Category {category} raw score {raw} exceeds the stated full mark {stated} of 三(四): the items of 二 sum to {items} for {category}, a contradiction; converted on the stated full mark, please explain",
      itemsBasis: "Category {category} raw score {raw} exceeds the stated full mark {stated} of 三(四): the items of 二 sum to {items} for {category}, a contradiction; converted on the item sums, please explain",
    },
    rank: { wrongRank: "Rank within category {category} should be {expected}; entered {typed}" },
    "duplicate-unit": { duplicate: "“{unit}” repeats {first}" },
  },
  "eval-county": {
    "component-range": { outOfRange: "{name} must be between 0 and {max}; entered {value}" },
    "bonus-cap": {
      negative: "The bonus cannot be negative; entered {value} (enter deductions under “减分”)",
      aboveCap: "Bonus points total at most {cap}; entered {value}",
    },
    "deduction-cap": { aboveCap: "Deductions total at most {cap}; entered {value}" },
    internal: {
      wrongInternal: "The internal appraisal should be leaders {leaders} × {leadersShare} plus peers {peers} × {peersShare}, i.e. {expected}; entered {typed}",
    },
    composite: { wrongComposite: "The composite should be {expected}; entered {typed}" },
    "grade-pass": {
      vetoed: "A one-vote veto applies: the grade is 不合格; entered {typed}",
      belowPass: "A composite of {composite} is below {pass}: the grade is 不合格; entered {typed}",
      needsDecision: "A composite of {composite} and no veto: 不合格 needs a standing-committee decision (serious dereliction); please explain",
    },
    "advanced-eligible": {
      notEligible: "Not eligible for 先进: {reasons}",
      notQualified: "not a qualified unit",
      noSatisfaction: "public satisfaction not entered",
      lowSatisfaction: "public satisfaction {share}% below {min}%",
      targetsMissed: "targets not met",
      sanctioned: "a leadership member was sanctioned",
    },
    "advanced-quota": { overQuota: "{units} units evaluated allow {places} 先进 places ({quota}%); {advanced} were rated 先进" },
    "advanced-skipped": {
      skipped: "A composite of {composite}, eligible and above the lowest 先进 unit ({lowest}), yet not rated 先进; please explain",
    },
    "advanced-tie": { tie: "A tie across the last 先进 place: {count} units at {composite}; a person must decide" },
  },
  "eval-dept": {
    "indicator-range": { outOfRange: "An indicator score must be between 0 and {max}; entered {value}" },
    grade: {
      shouldFail: "{reasons}: the grade is 不合格; entered {typed}",
      shouldPass: "为民办实事 completed, every indicator at {pass} or more and no veto: the grade is 合格 or 先进; entered 不合格",
      notDone: "为民办实事 not completed",
      lowScores: "indicator scores {scores} below {pass}",
      veto: "a one-vote veto applies",
    },
    "advanced-quota": { overQuota: "{units} departments evaluated allow {places} 先进 places ({quota}%); {advanced} were rated 先进" },
  },
  trip: {
    "group-size": { finding: "{detail}" },
    "trips-per-year": { finding: "{detail}" },
    countries: { finding: "{detail}" },
    "days-abroad": { finding: "{detail}" },
    "training-length": { finding: "{detail}" },
    "lead-time": { finding: "{detail}" },
    report: { finding: "{detail}", beforeReturn: "{column} is before the return date; please check" },
    passport: { finding: "{detail}", beforeReturn: "{column} is before the return date; please check" },
    "date-order": { returnFirst: "The return date {returnDate} is before the departure date {departure}" },
    "days-agree": { wrongDays: "Days abroad should be {expected} (departure and return days included); entered {typed}" },
    "leader-once-a-year": {
      tooMany: "{leader} led {count} trips in {year} ({rows}); a city-managed official travels at most {max} times a year in principle",
    },
  },
  grid: {
    "posts-short": { short: "{households} households need {need} posts; {workers} workers now (recruitment may take {years} years)" },
    "no-worker": { none: "A community of {households} households needs at least {min} workers; it has {workers}" },
    "subsidy-amount": {
      starred: "A {stars}-star community's annual subsidy is {expected} yuan; entered {actual}",
      unstarred: "A community unrated or below four stars has an annual subsidy of {expected} yuan; entered {actual}",
    },
    "subsidy-share": {
      city: "The subsidy of {base} yuan is shared by city and district {cityShare}:{districtShare}; the city's share is {expected}; entered {actual}",
      district: "The subsidy of {base} yuan is shared by city and district {cityShare}:{districtShare}; the district's share is {expected}; entered {actual}",
    },
    "grid-count": {
      blank: "Grids not entered: a community must be divided into grids covering it all",
      tooFew: "Grids must be at least {min}; entered {value}",
    },
    "duplicate-community": { duplicate: "{district} {community} repeats {first}" },
    "total-row": {
      subtotal: "The subtotal of “{column}” should be the sum of its group, {expected}; entered {typed}",
      total: "The total of “{column}” should be the sum of the rows, {expected}; entered {typed}",
    },
  },
  patrol: {
    "daily-patrol": { tooFew: "{worker} on {date}: {detail}" },
    "time-in-grid": { tooLittle: "{detail}" },
    "supervisor-weekly": { tooFew: "Supervisor {name} joined {count} patrols in the week {from} to {to}; at least {min}" },
  },
};
