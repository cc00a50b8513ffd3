/** Every text of the task pane and the standalone page, Simplified Chinese (default) and English. */
import type { Lang, Severity } from '../core/model/findings';

export interface Strings {
  /** "：" in Chinese, ": " in English, after a label. */
  colon: string;
  /** Parenthesised aside: "（…）" / " (…)". */
  paren: (s: string) => string;
  appName: string;
  appTagline: string;
  langToggle: string;
  langToggleLabel: string;
  themeToggleLabel: string;
  // Workbook / file
  openWorkbook: string;
  openWorkbookHint: string;
  downloadAnnotated: string;
  downloadAnnotatedHint: string;
  preparingDownload: string;
  /** After downloading the copy of a file that was not .xlsx. */
  annotatedAsXlsx: (copy: string, original: string) => string;
  sampleNote: (file: string) => string;
  sampleMissing: string;
  fileLabel: string;
  // Check
  programme: string;
  chosenByTitle: (evidence: string) => string;
  chosenByHeaders: string;
  chosenManually: string;
  backToAuto: string;
  asOf: string;
  asOfHelp: string;
  check: string;
  recheck: string;
  checking: string;
  reading: (done: number, total: number) => string;
  readingFile: string;
  // Several files at once (a combined report)
  batchReading: (file: string, n: number, total: number) => string;
  batchChecking: (file: string, n: number, total: number) => string;
  batchTitle: (files: number) => string;
  batchTotals: (checked: number, nominees: number, unusable: number) => string;
  batchUnits: string;
  batchUnit: string;
  batchNoUnit: string;
  batchFilesCol: string;
  batchNomineesCol: string;
  batchDuplicates: (n: number) => string;
  batchDuplicatePlace: (file: string, sheet: string, cell: string) => string;
  batchOpenOne: string;
  batchFileUnit: (unit: string) => string;
  severity: Record<Severity, string>;
  severityPlural: Record<Severity, string>;
  countLabel: (s: Severity, n: number) => string;
  tablesLine: (tableName: string, sheet: string, header: string, nominees: number) => string;
  // Findings
  tabFindings: string;
  tabPreview: string;
  tabChecklist: string;
  filterSeverity: string;
  showSeverity: (s: Severity) => string;
  allRules: string;
  ruleFilter: string;
  noFindings: string;
  noFindingsFiltered: string;
  general: string;
  groupLabel: (title: string, tally: string) => string;
  tally: (c: Record<Severity, number>) => string;
  findingLabel: (sev: string, sheet: string, cell: string, msg: string) => string;
  showMore: (n: number) => string;
  goToCellHint: string;
  /** A rule's id, shown only as a tooltip of its name. */
  ruleIdHint: (id: string) => string;
  /** Between items of a list written on one line. */
  listSeparator: string;
  /** The open button in a narrow pane. */
  openShort: string;
  /** Section tab labels in a narrow pane (the full label is the tooltip), by section id. */
  sectionShort: Record<string, string>;
  /** The programme card folded in a narrow pane: the button that unfolds it. */
  changeSettings: string;
  asOfShort: (iso: string) => string;
  scMoreColumns: string;
  scFewerColumns: string;
  notChecked: string;
  notCheckedOffice: string;
  // Office
  clearMarks: string;
  inputRules: string;
  printing: string;
  writeResults: string;
  markCells: string;
  /** Under the switches when writing clears Excel's undo history. */
  undoWarning: string;
  liveOn: string;
  liveOnMarks: string;
  liveNoSorts: string;
  liveWaiting: string;
  unsupportedHere: string;
  done: string;
  actionFailed: string;
  // Errors
  noTableTitle: string;
  unreadableTitle: string;
  errorTitle: string;
  // Preview
  previewTitle: string;
  previewRows: (from: number, to: number, total: number) => string;
  hiddenSheet: string;
  emptySheet: string;
  previewEmpty: string;
  // Checklist
  deadline: string;
  daysLeft: (n: number) => string;
  dueToday: string;
  pastDeadline: string;
  noDeadline: string;
  materials: string;
  copies: (n: number) => string;
  perNominee: string;
  perUnit: string;
  trackedFrom: (column: string) => string;
  readyCount: (ready: number, total: number) => string;
  ready: string;
  notReady: string;
  manualCheck: string;
  submission: string;
  submitEmail: string;
  submitAddress: string;
  recipient: string;
  contacts: string;
  noticeNo: string;
  organiser: string;
  checklistNeedsProgramme: string;
  // Sections
  sectionCheck: string;
  sectionScoring: string;
  sectionCultivation: string;
  sectionForms: string;
  sections: string;
  // Expert scoring
  scGenerateTab: string;
  scConsolidateTab: string;
  scCandidates: string;
  scNoWorkbook: string;
  scPickProgramme: string;
  scSelectionOnly: string;
  scCandidatesFrom: (n: number, file: string, sheet: string, first: number, last: number) => string;
  scReadingWorkbook: string;
  scCandidatesUnusable: string;
  scListsUnusable: string;
  scReload: string;
  scExperts: string;
  scPickExperts: string;
  scExpertsHint: string;
  scRound: string;
  scRoundAuto: string;
  scBlind: string;
  scBlindHint: string;
  scGroupBy: string;
  scGroupByHint: string;
  scGroupByMissing: string;
  scBallot: string;
  scBallotHint: string;
  scAssignment: string;
  scAssignmentLine: (candidates: number, experts: number, exclusions: number) => string;
  scPerCandidate: (min: number, max: number) => string;
  scUnscorable: (n: number) => string;
  scColExpert: string;
  scColUnit: string;
  scColGroup: string;
  scColCandidates: string;
  scNoSheet: string;
  scDownloadZip: string;
  scDownloadZipHint: string;
  scGenerating: (done: number, total: number) => string;
  scGenerated: (sheets: number, zip: string, key: string) => string;
  scProblems: string;
  scNoProblems: string;
  scAllFilesFine: string;
  scReturned: string;
  scPickReturned: string;
  scReturnedHint: string;
  scFilesChosen: (n: number) => string;
  scTop: string;
  scTopHint: string;
  scNoKey: string;
  scNoKeyHint: string;
  scFiles: string;
  scFilesTally: (accepted: number, rejected: number, other: number) => string;
  scFileScores: (n: number) => string;
  scFileLeftOut: (n: number) => string;
  scReadingFiles: (done: number, total: number, file: string) => string;
  scConsolidating: string;
  scRanking: string;
  scRankingBasis: string;
  scColRank: string;
  scColCode: string;
  scColName: string;
  scColCount: string;
  scColMean: string;
  scColTrimmed: string;
  scColSd: string;
  scColMedian: string;
  scColRange: string;
  scSortByRange: string;
  scColFlags: string;
  scShortlisted: string;
  scNotRanked: string;
  scDownloadResults: string;
  scWriteResults: string;
  scWriteResultsHint: string;
  scWritten: (names: string[]) => string;
  scInsertUnsupported: string;
  scFinalize: string;
  scFinalizeHint: string;
  scFinalized: (file: string, hash: string) => string;
  scNoReturned: string;
  scSeverity: Record<'error' | 'warning', string>;
  // Cultivation
  cuCreateTitle: string;
  cuCreateHint: string;
  cuNoWorkbook: string;
  cuYear: string;
  cuStart: string;
  cuBadYear: string;
  cuDownloadTracking: string;
  cuOpenTracking: string;
  cuCreated: (year: number, trainees: number, sheet: string) => string;
  cuOpened: string;
  cuOpenUnsupported: string;
  cuRolloverTitle: string;
  cuRolloverHint: string;
  cuPickTracking: string;
  cuNewYear: string;
  cuDownloadRollover: string;
  cuOpenRollover: string;
  cuRolledOver: (from: number | undefined, to: number) => string;
  cuCheckTitle: string;
  cuCheckHint: (programme: string) => string;
  cuGoCheck: string;
  working: string;
}

const zh: Strings = {
  colon: '：',
  paren: (x) => `（${x}）`,
  appName: '匠选',
  appTagline: '工匠选树：校验 · 评分 · 培育',
  langToggle: 'EN',
  langToggleLabel: 'Switch to English',
  themeToggleLabel: '切换深色/浅色',
  openWorkbook: '打开工作簿',
  openWorkbookHint: '选择推荐汇总表或申报信息表（Excel .xlsx/.xls、WPS .et、.ods、CSV）；文件只在本机浏览器中处理，不会上传',
  downloadAnnotated: '下载标注版',
  downloadAnnotatedHint: '下载一份标注了问题单元格并附“校验结果”工作表的副本（总是 .xlsx 工作簿）；原文件不会改动',
  preparingDownload: '正在生成…',
  annotatedAsXlsx: (copy, original) => `标注版已另存为 .xlsx 工作簿“${copy}”（“${original}”不是 .xlsx 文件；原文件未改动）。`,
  sampleNote: (file) => `这是示例工作簿“${file}”；点“打开”换成您自己的推荐表。`,
  sampleMissing: '点击“打开工作簿”，选择要检查的推荐表（.xlsx、.xls、.et、.ods 或 CSV）。',
  fileLabel: '文件',
  programme: '项目',
  chosenByTitle: (e) => `根据标题“${e}”自动识别`,
  chosenByHeaders: '标题中未写明项目，按表头最接近的项目选择',
  chosenManually: '已手动选择',
  backToAuto: '恢复自动识别',
  asOf: '计算日期',
  asOfHelp: '年龄和荣誉年限按此日期计算（默认今天，但不晚于截止日期）',
  check: '校验',
  recheck: '重新校验',
  checking: '正在校验…',
  reading: (d, t) => `正在读取工作表 ${d} / ${t}`,
  readingFile: '正在读取工作簿…',
  batchReading: (f, n, t) => `正在读取第 ${n} / ${t} 个文件：${f}`,
  batchChecking: (f, n, t) => `正在校验第 ${n} / ${t} 个文件：${f}`,
  batchTitle: (n) => `${n} 个文件的汇总报告`,
  batchTotals: (c, p, u) => `已校验 ${c} 个文件，共 ${p} 人${u ? `；${u} 个文件无法使用` : ''}`,
  batchUnits: '按推荐单位',
  batchUnit: '推荐单位',
  batchNoUnit: '（表中未写推荐单位）',
  batchFilesCol: '文件',
  batchNomineesCol: '人数',
  batchDuplicates: (n) => (n ? `${n} 人出现在多个文件中` : '没有人出现在多个文件中'),
  batchDuplicatePlace: (f, sh, c) => `${f}（${sh}!${c}）`,
  batchOpenOne: '单独打开（预览、下载标注版）',
  batchFileUnit: (u) => `推荐单位：${u}`,
  severity: { error: '错误', warning: '警告', info: '提示' },
  severityPlural: { error: '错误', warning: '警告', info: '提示' },
  countLabel: (s, n) => `${zh.severity[s]} ${n} 个`,
  tablesLine: (name, sheet, header, n) => `工作表“${sheet}”的${name}（表头 ${header}，${n} 人）`,
  tabFindings: '问题',
  tabPreview: '表格预览',
  tabChecklist: '提交前清单',
  filterSeverity: '按级别筛选',
  showSeverity: (s) => `显示${zh.severity[s]}`,
  allRules: '全部规则',
  ruleFilter: '按规则筛选',
  noFindings: '没有发现问题，可以准备提交了。',
  noFindingsFiltered: '当前筛选条件下没有问题。',
  general: '表格整体',
  groupLabel: (t, tally) => `${t}：${tally}`,
  tally: (c) =>
    (['error', 'warning', 'info'] as const)
      .filter((s) => c[s])
      .map((s) => `${c[s]} 个${zh.severity[s]}`)
      .join('，'),
  findingLabel: (sev, sheet, cell, msg) => `${sev}，${sheet} ${cell}：${msg}`,
  showMore: (n) => `再显示 ${n} 条`,
  goToCellHint: '点击或按回车定位到单元格',
  ruleIdHint: (id) => `规则编号 ${id}`,
  listSeparator: '；',
  openShort: '打开',
  sectionShort: { check: '校验', forms: '申报表', scoring: '专家评分', cultivation: '培育跟踪' },
  changeSettings: '更改',
  asOfShort: (iso) => `按 ${iso} 计算`,
  scMoreColumns: '显示全部列',
  scFewerColumns: '只看排名列',
  notChecked: '尚未校验。',
  notCheckedOffice: '选择项目（或保留自动识别），然后点“校验”检查当前工作簿。有问题的单元格会加上底色和批注。',
  clearMarks: '清除标注',
  inputRules: '设置输入规则',
  printing: '打印设置',
  writeResults: '写入校验结果表',
  markCells: '在单元格上标注',
  undoWarning: '注意：标注或写入结果表会清空 Excel 的撤销记录，之后不能再用 Ctrl+Z 撤销此前的编辑（这台电脑上的 Excel 不支持保留撤销，需要 ExcelApi 1.20）。不打开这两个开关时，匠选只读取工作簿，问题只在下面列出。',
  liveOn: '修改单元格后会自动重新校验（只更新下面的列表，不写入工作簿）',
  liveOnMarks: '修改单元格后会自动重新校验并更新标注',
  liveNoSorts: '排序后不会自动复查，请点“重新校验”。',
  liveWaiting: '正在编辑单元格：结束编辑（按 Enter）后再复查，修改不会丢失。',
  unsupportedHere: '这台电脑上的 Excel 不支持此功能',
  done: '已完成',
  actionFailed: '操作未完成',
  noTableTitle: '没有找到可识别的表格',
  unreadableTitle: '无法打开这个文件',
  errorTitle: '出错了',
  previewTitle: '表格预览',
  previewRows: (a, b, n) => `显示第 ${a}–${b} 行，共 ${n} 行`,
  hiddenSheet: '隐藏',
  emptySheet: '（空工作表）',
  previewEmpty: '打开工作簿后在此预览。',
  deadline: '截止日期',
  daysLeft: (n) => `还剩 ${n} 天`,
  dueToday: '今天截止',
  pastDeadline: '已过截止日期',
  noDeadline: '通知未设统一截止日期',
  materials: '报送材料',
  copies: (n) => (n === 1 ? '一份' : `一式 ${n} 份`),
  perNominee: '每位被推荐人',
  perUnit: '每个推荐单位',
  trackedFrom: (c) => `据表格“${c}”列`,
  readyCount: (r, t) => `${r} / ${t} 人已齐`,
  ready: '已齐',
  notReady: '未齐',
  manualCheck: '手动勾选',
  submission: '报送方式',
  submitEmail: '电子版发送至',
  submitAddress: '纸质材料寄送',
  recipient: '收件单位',
  contacts: '咨询电话',
  noticeNo: '文号',
  organiser: '主办单位',
  checklistNeedsProgramme: '打开并校验工作簿后，这里列出该项目的截止日期和报送材料。',
  sectionCheck: '校验',
  sectionScoring: '专家评分',
  sectionCultivation: '培育跟踪',
  sectionForms: '申报表',
  sections: '功能',
  scGenerateTab: '生成评分表',
  scConsolidateTab: '汇总评分',
  scCandidates: '候选人',
  scNoWorkbook: '先点“打开工作簿”选择推荐汇总表或申报信息表：候选人名单取自当前工作簿。',
  scPickProgramme: '选择评选项目：名单识别和评分标准（工匠五力、各 20 分）取决于项目。',
  scSelectionOnly: '当前项目是培育项目；专家评分请选择评选项目。',
  scCandidatesFrom: (n, file, sheet, a, b) => `候选人 ${n} 名：${file} 工作表“${sheet}”第 ${a}–${b} 行（按表中顺序编号 C001…）`,
  scReadingWorkbook: '正在读取当前工作簿…',
  scCandidatesUnusable: '候选人名单不能使用',
  scListsUnusable: '名单不能使用',
  scReload: '重新读取',
  scExperts: '专家名单',
  scPickExperts: '选择专家名单…',
  scExpertsHint: '一张表：姓名、单位（必填），组别、邮箱（可选）；表头上面可以有标题行。专家不会拿到本单位的候选人。',
  scRound: '轮次',
  scRoundAuto: '自动识别',
  scBlind: '隐去姓名和单位（盲评）',
  scBlindHint: '专家的文件里只有编号；编号与姓名的对照只在评分安排文件中。',
  scGroupBy: '按组别分配',
  scGroupByHint: '候选人只分给同组专家（专家名单也要有“组别”列）',
  scGroupByMissing: '候选人表格中没有“组别”列',
  scBallot: '名次投票（会审答辩）',
  scBallotHint: '专家为候选人排出名次（1 为最优），汇总时按 Borda 计数：每张票第一名 100 分、最后一名 0 分，取平均。',
  scAssignment: '分配情况',
  scAssignmentLine: (c, e, x) => `候选人 ${c} 名 · 专家 ${e} 位 · 同单位回避 ${x} 对`,
  scPerCandidate: (a, b) => (a === b ? `每名候选人由 ${a} 位专家评分` : `每名候选人由 ${a}–${b} 位专家评分`),
  scUnscorable: (n) => `${n} 名候选人无人可评（原因见下）`,
  scColExpert: '专家',
  scColUnit: '单位',
  scColGroup: '组别',
  scColCandidates: '候选人数',
  scNoSheet: '不生成评分表',
  scDownloadZip: '下载评分表（zip）',
  scDownloadZipHint: '一个 zip，内有两个文件夹：“评分表”中每位专家一份，分别发出；“评分安排（内部，勿外发）”中是本批次的密钥、候选人姓名、保护密码和回避名单，只留在组织方，切勿发出。',
  scGenerating: (d, t) => `正在生成评分表 ${d} / ${t}`,
  scGenerated: (n, zip, key) => `已下载 ${zip}：${n} 份评分表，以及“${key}”。评分安排文件只留在组织方、切勿发出；汇总时与交回的评分表一起选择，用它核实每份评分表的来源。`,
  scProblems: '问题',
  scNoProblems: '没有问题：每名候选人都有专家评分。',
  scAllFilesFine: '每个文件都可用，没有问题。',
  scReturned: '交回的评分表',
  scPickReturned: '选择交回的文件…',
  scReturnedHint: '可一次选择多个文件：专家交回的评分表（.xlsx；专家用 WPS 或 LibreOffice 另存的 .xls、.et、.ods 也可），以及评分安排文件（用它核实每份评分表确由对应专家交回、未被改动，并还原盲评的姓名）。文件只在本机读取。',
  scFilesChosen: (n) => `已选择 ${n} 个文件`,
  scTop: '建议名单人数',
  scTopHint: '排名前 N 名（分组时每组前 N 名）标为“候选人建议名单”；第 N 名并列时都列入；有效评分不足本轮最低份数的候选人不列入',
  scNoKey: '没有评分安排文件，仍然汇总（无法核实来源）',
  scNoKeyHint: '只在评分安排文件确实丢失时使用：结果处处注明“来源未核实”，不宜作为正式依据。',
  scFiles: '文件',
  scFilesTally: (a, r, o) => `计入 ${a} 份 · 退回 ${r} 份${o ? ` · 其他 ${o} 个` : ''}`,
  scFileScores: (n) => `计入 ${n} 份评分`,
  scFileLeftOut: (n) => `${n} 项不计`,
  scReadingFiles: (d, t, f) => `正在读取 ${d} / ${t}：${f}`,
  scConsolidating: '正在汇总…',
  scRanking: '排名',
  scRankingBasis: '排名依据：去掉一个最高分和一个最低分后的平均分（不少于 5 份评分时；更少时为平均分）；同分并列；分组时组内排名。',
  scColRank: '排名',
  scColCode: '编号',
  scColName: '姓名',
  scColCount: '份数',
  scColMean: '平均分',
  scColTrimmed: '去极值平均',
  scColSd: '标准差',
  scColMedian: '中位数',
  scColRange: '分歧',
  scSortByRange: '按分歧（最高分与最低分之差）排序；再点一次恢复按排名',
  scColFlags: '提示',
  scShortlisted: '候选人建议名单',
  scNotRanked: '未排名',
  scDownloadResults: '下载结果工作簿',
  scWriteResults: '写入当前工作簿',
  scWriteResultsHint: '在当前工作簿末尾插入结果汇总、评分明细、总分矩阵、专家分析等工作表（名称前加轮次）；已有的工作表不会改动。',
  scWritten: (names) => `已写入当前工作簿：${names.join('、')}`,
  scInsertUnsupported: '这个版本的 Excel 不能把工作表插入当前工作簿（需要 ExcelApi 1.13：Microsoft 365、Excel 2021 或更新版本、Excel 网页版）；已改为下载结果工作簿，可在 Excel 中打开。',
  scFinalize: '定稿',
  scFinalizeHint: '另存一份定稿：所有数字固定为数值、各工作表加保护，并写明内容校验码。请把校验码写在签字页上，以后可以核对文件是否被改动。',
  scFinalized: (file, hash) => `已下载定稿 ${file}。内容校验码（SHA-256）：${hash}`,
  scNoReturned: '选择专家交回的评分表和评分安排文件后，这里显示每个文件的处理结果、问题、排名和专家一致性。',
  scSeverity: { error: '错误', warning: '警告' },
  cuCreateTitle: '从当前名单生成培育跟踪工作簿',
  cuCreateHint: '培育对象取自当前工作簿的推荐汇总表、申报信息表或培育对象清单（姓名、性别、身份证号码、手机号码、工作单位、所属行业、工种）。',
  cuNoWorkbook: '先点“打开工作簿”选择推荐名单：培育对象取自当前工作簿。',
  cuYear: '培育年度',
  cuStart: '培育开始日期',
  cuBadYear: '请填写四位数年份，如 2026',
  cuDownloadTracking: '下载培育跟踪工作簿',
  cuOpenTracking: '在新工作簿中打开',
  cuCreated: (y, n, sheet) => `已生成 ${y} 年度培育跟踪工作簿：培育对象 ${n} 人，来自工作表“${sheet}”。`,
  cuOpened: 'Excel 已在新窗口中打开它，请保存到本单位电脑。',
  cuOpenUnsupported: '这个版本的 Excel 不能从加载项新建工作簿（需要 ExcelApi 1.8）；已改为下载，可在 Excel 中打开。',
  cuRolloverTitle: '年度结转',
  cuRolloverHint: '选择已填写的培育跟踪工作簿：状态为“继续培育”的培育对象连同本年度的计划、档案和考核记录转入新年度工作簿；原工作簿不会改动。',
  cuPickTracking: '选择培育跟踪工作簿…',
  cuNewYear: '新年度',
  cuDownloadRollover: '下载新年度工作簿',
  cuOpenRollover: '在新工作簿中打开新年度',
  cuRolledOver: (f, t) => (f ? `${f} 年度 → ${t} 年度` : `结转到 ${t} 年度`),
  cuCheckTitle: '检查填写好的培育跟踪工作簿',
  cuCheckHint: (p) => `用“校验”检查：打开填写好的工作簿（在 Excel 中就在该工作簿上打开面板），项目会自动识别为“${p}”。除身份证号、必填项、选项外，还检查各表之间的关系：培育对象不在清单中、日期不在培育期内、期满未考评、计划逾期等。修改后会自动重新校验。`,
  cuGoCheck: '去校验',
  working: '正在处理…',
};

const en: Strings = {
  colon: ': ',
  paren: (x) => ` (${x})`,
  appName: 'Jiangxuan',
  appTagline: 'Craftsman awards: checks · scoring · cultivation',
  langToggle: '中文',
  langToggleLabel: '切换到中文',
  themeToggleLabel: 'Toggle dark / light theme',
  openWorkbook: 'Open workbook',
  openWorkbookHint: 'Choose a summary sheet or nominee details (Excel .xlsx/.xls, WPS .et, .ods, CSV); the file is processed in this browser and never uploaded',
  downloadAnnotated: 'Download annotated copy',
  downloadAnnotatedHint: 'Download a copy with problem cells marked and a "Check results" sheet (always an .xlsx workbook); the original is not changed',
  preparingDownload: 'Preparing…',
  annotatedAsXlsx: (copy, original) => `The annotated copy was saved as the .xlsx workbook “${copy}” (“${original}” is not an .xlsx file; the original is unchanged).`,
  sampleNote: (file) => `This is the sample workbook "${file}"; choose "Open" to check your own.`,
  sampleMissing: 'Choose "Open workbook" to check a nomination workbook (.xlsx, .xls, .et, .ods or CSV).',
  fileLabel: 'File',
  programme: 'Programme',
  chosenByTitle: (e) => `Detected from the title "${e}"`,
  chosenByHeaders: 'No programme named in the titles; chosen by the headers',
  chosenManually: 'Chosen manually',
  backToAuto: 'Detect automatically',
  asOf: 'Count ages at',
  asOfHelp: 'Ages and look-back windows are counted at this date (today by default, never after the deadline)',
  check: 'Check',
  recheck: 'Check again',
  checking: 'Checking…',
  reading: (d, t) => `Reading sheet ${d} of ${t}`,
  readingFile: 'Reading the workbook…',
  batchReading: (f, n, t) => `Reading file ${n} of ${t}: ${f}`,
  batchChecking: (f, n, t) => `Checking file ${n} of ${t}: ${f}`,
  batchTitle: (n) => `Combined report of ${n} files`,
  batchTotals: (c, p, u) => `${c} files checked, ${p} nominees${u ? `; ${u} files could not be used` : ''}`,
  batchUnits: 'By recommending unit',
  batchUnit: 'Recommending unit',
  batchNoUnit: '(no unit in the sheet)',
  batchFilesCol: 'Files',
  batchNomineesCol: 'Nominees',
  batchDuplicates: (n) => (n ? `${n} people appear in several files` : 'Nobody appears in several files'),
  batchDuplicatePlace: (f, sh, c) => `${f} (${sh}!${c})`,
  batchOpenOne: 'Open alone (preview, annotated copy)',
  batchFileUnit: (u) => `Recommending unit: ${u}`,
  severity: { error: 'Error', warning: 'Warning', info: 'Info' },
  severityPlural: { error: 'Errors', warning: 'Warnings', info: 'Info' },
  countLabel: (s, n) => `${n} ${en.severityPlural[s].toLowerCase()}`,
  tablesLine: (name, sheet, header, n) => `${name.charAt(0).toUpperCase()}${name.slice(1)} on "${sheet}" (header ${header}, ${n} nominees)`,
  tabFindings: 'Problems',
  tabPreview: 'Preview',
  tabChecklist: 'Before you submit',
  filterSeverity: 'Filter by severity',
  showSeverity: (s) => `Show ${en.severityPlural[s].toLowerCase()}`,
  allRules: 'All rules',
  ruleFilter: 'Filter by rule',
  noFindings: 'No problems found: ready to submit.',
  noFindingsFiltered: 'No problems match the filters.',
  general: 'The tables as a whole',
  groupLabel: (t, tally) => `${t}: ${tally}`,
  tally: (c) =>
    (['error', 'warning', 'info'] as const)
      .filter((s) => c[s])
      .map((s) => `${c[s]} ${en.severity[s].toLowerCase()}${c[s] > 1 && s !== 'info' ? 's' : ''}`)
      .join(', '),
  findingLabel: (sev, sheet, cell, msg) => `${sev}, ${sheet} ${cell}: ${msg}`,
  showMore: (n) => `Show ${n} more`,
  goToCellHint: 'Click or press Enter to go to the cell',
  ruleIdHint: (id) => `Rule id ${id}`,
  listSeparator: '; ',
  openShort: 'Open',
  sectionShort: { check: 'Check', forms: 'Forms', scoring: 'Scoring', cultivation: 'Cultivation' },
  changeSettings: 'Change',
  asOfShort: (iso) => `at ${iso}`,
  scMoreColumns: 'All columns',
  scFewerColumns: 'Ranking columns only',
  notChecked: 'Not checked yet.',
  notCheckedOffice: 'Choose the programme (or let Jiangxuan detect it), then click Check to check this workbook. Problem cells get a fill and a comment.',
  clearMarks: 'Clear marks',
  inputRules: 'Set input rules',
  printing: 'Print setup',
  writeResults: 'Write a results sheet',
  markCells: 'Mark cells',
  undoWarning: 'Note: marking cells or writing the results sheet clears Excel’s Undo history — edits made before can no longer be undone with Ctrl+Z (this Excel cannot keep it; that needs ExcelApi 1.20). With both switches off, Jiangxuan only reads the workbook and lists the problems below.',
  liveOn: 'Edits are re-checked automatically (the list below only; nothing is written)',
  liveOnMarks: 'Edits are re-checked automatically and the marks updated',
  liveNoSorts: 'Sorting is not re-checked automatically: choose Check again.',
  liveWaiting: 'A cell is being edited: the re-check waits until you finish (Enter); no edit is lost.',
  unsupportedHere: 'This Excel does not support it',
  done: 'Done',
  actionFailed: 'Could not complete',
  noTableTitle: 'No recognisable table',
  unreadableTitle: 'This file cannot be opened',
  errorTitle: 'Something went wrong',
  previewTitle: 'Preview',
  previewRows: (a, b, n) => `Rows ${a}–${b} of ${n}`,
  hiddenSheet: 'hidden',
  emptySheet: '(empty sheet)',
  previewEmpty: 'Open a workbook to preview it here.',
  deadline: 'Deadline',
  daysLeft: (n) => `${n} day${n === 1 ? '' : 's'} left`,
  dueToday: 'Due today',
  pastDeadline: 'Deadline passed',
  noDeadline: 'No common deadline',
  materials: 'Materials',
  copies: (n) => `${n} ${n === 1 ? 'copy' : 'copies'}`,
  perNominee: 'per nominee',
  perUnit: 'per unit',
  trackedFrom: (c) => `from the "${c}" column`,
  readyCount: (r, t) => `${r} of ${t} ready`,
  ready: 'ready',
  notReady: 'missing',
  manualCheck: 'tick by hand',
  submission: 'How to submit',
  submitEmail: 'E-mail the electronic copies to',
  submitAddress: 'Post the paper originals to',
  recipient: 'Recipient',
  contacts: 'Questions',
  noticeNo: 'Notice',
  organiser: 'Organiser',
  checklistNeedsProgramme: 'Open and check a workbook to see its programme’s deadline and materials here.',
  sectionCheck: 'Check',
  sectionScoring: 'Expert scoring',
  sectionCultivation: 'Cultivation',
  sectionForms: 'Forms',
  sections: 'Features',
  scGenerateTab: 'Score sheets',
  scConsolidateTab: 'Consolidate',
  scCandidates: 'Candidates',
  scNoWorkbook: 'Choose "Open workbook" and pick a summary sheet or nominee details first: the candidates come from the open workbook.',
  scPickProgramme: 'Choose the programme: it decides how the list is read and the rubric (the five forces, 20 points each).',
  scSelectionOnly: 'This is a cultivation programme; choose a selection programme for expert scoring.',
  scCandidatesFrom: (n, file, sheet, a, b) => `${n} candidates: ${file}, sheet "${sheet}", rows ${a}–${b} (coded C001… in that order)`,
  scReadingWorkbook: 'Reading the workbook…',
  scCandidatesUnusable: 'The candidate list cannot be used',
  scListsUnusable: 'A list cannot be used',
  scReload: 'Read again',
  scExperts: 'Expert list',
  scPickExperts: 'Choose the expert list…',
  scExpertsHint: 'A sheet with 姓名 (name) and 单位 (unit), optionally 组别 (group) and 邮箱 (e-mail); a title row above the header is fine. No expert gets a candidate of their own unit.',
  scRound: 'Round',
  scRoundAuto: 'Detect',
  scBlind: 'Hide names and units (blind review)',
  scBlindHint: 'Experts’ files carry codes only; the codes are matched to names only in the key file.',
  scGroupBy: 'Assign by group',
  scGroupByHint: 'Candidates go only to experts of their group (the expert list needs a 组别 column too)',
  scGroupByMissing: 'The candidate table has no 组别 column',
  scAssignment: 'Assignment',
  scAssignmentLine: (c, e, x) => `${c} candidates · ${e} experts · ${x} conflict-of-interest pair${x === 1 ? '' : 's'} left out`,
  scPerCandidate: (a, b) => (a === b ? `each candidate scored by ${a} experts` : `each candidate scored by ${a}–${b} experts`),
  scUnscorable: (n) => `${n} candidate${n === 1 ? '' : 's'} nobody can score (see below)`,
  scColExpert: 'Expert',
  scColUnit: 'Unit',
  scColGroup: 'Group',
  scColCandidates: 'Candidates',
  scNoSheet: 'no score sheet',
  scDownloadZip: 'Download score sheets (zip)',
  scDownloadZipHint: 'One zip with two folders: 评分表, one sheet per expert to send; 评分安排（内部，勿外发）, the batch secret, names, passwords and conflicts of interest — keep it, never send it.',
  scGenerating: (d, t) => `Writing score sheets ${d} of ${t}`,
  scGenerated: (n, zip, key) => `Downloaded ${zip}: ${n} score sheets and "${key}". Keep the key file; pick it with the returned sheets to consolidate.`,
  scProblems: 'Problems',
  scNoProblems: 'No problems: every candidate has experts to score them.',
  scAllFilesFine: 'Every file is usable; no problems.',
  scReturned: 'Returned score sheets',
  scPickReturned: 'Choose the returned files…',
  scReturnedHint: 'Pick several files at once: the experts’ returned sheets (.xlsx; also .xls, .et or .ods when an expert re-saved in WPS or LibreOffice) and the key file (it checks the lists as sent and restores names in blind mode). Files are read on this computer only.',
  scFilesChosen: (n) => `${n} file${n === 1 ? '' : 's'} chosen`,
  scTop: 'Shortlist size',
  scTopHint: 'The first N of the ranking are marked as the shortlist; ties at N are all included',
  scReadingFiles: (d, t, f) => `Reading ${d} of ${t}: ${f}`,
  scConsolidating: 'Consolidating…',
  scRanking: 'Ranking',
  scRankingBasis: 'Ranked by the mean without the highest and the lowest score (from 5 scores; the plain mean below that); ties share a rank; within each group when grouped.',
  scColRank: 'Rank',
  scColCode: 'Code',
  scColName: 'Name',
  scColCount: 'n',
  scColMean: 'Mean',
  scColTrimmed: 'Trimmed mean',
  scColSd: 'SD',
  scColFlags: 'Flags',
  scShortlisted: 'Shortlist',
  scNotRanked: 'not ranked',
  scDownloadResults: 'Download the result workbook',
  scWriteResults: 'Write into this workbook',
  scWriteResultsHint: 'Inserts the result sheets (summary, details, matrix, experts …, named after the round) at the end of this workbook; existing sheets are not changed.',
  scWritten: (names) => `Written into this workbook: ${names.join(', ')}`,
  scInsertUnsupported: 'This Excel cannot insert sheets into the open workbook (ExcelApi 1.13 is needed: Microsoft 365, Excel 2021 or later, Excel on the web); the result workbook was downloaded instead, open it in Excel.',
  scNoReturned: 'Choose the experts’ returned score sheets (and the key file) to see each file’s problems, the ranking and the panel’s agreement here.',
  scSeverity: { error: 'Error', warning: 'Warning' },
  scBallot: 'Ranking ballot (会审答辩)',
  scBallotHint: 'Experts order the candidates (1 = best); consolidated by Borda count: first 100, last 0 on each ballot, averaged.',
  scNoKey: 'No key file: consolidate anyway (origin not verified)',
  scNoKeyHint: 'Only when the key file is truly lost: every output then says the origin was not verified; not a formal basis.',
  scFiles: 'Files',
  scFilesTally: (a, r, o) => `${a} counted · ${r} rejected${o ? ` · ${o} other` : ''}`,
  scFileScores: (n) => `${n} scores counted`,
  scFileLeftOut: (n) => `${n} left out`,
  scColMedian: 'Median',
  scColRange: 'Spread',
  scSortByRange: 'Sort by spread (highest − lowest); click again to sort by rank',
  scFinalize: 'Finalise',
  scFinalizeHint: 'Save a final copy: every figure fixed as a value, every sheet protected, with a content hash. Write the hash on the signed page to check the file later.',
  scFinalized: (file, hash) => `Downloaded the final copy ${file}. Content hash (SHA-256): ${hash}`,
  cuCreateTitle: 'Tracking workbook from the open nominee list',
  cuCreateHint: 'Trainees are taken from the open workbook’s summary sheet, nominee details or trainee list (name, sex, ID number, mobile, employer, industry, trade).',
  cuNoWorkbook: 'Choose "Open workbook" and pick a nominee list first: the trainees come from the open workbook.',
  cuYear: 'Cultivation year',
  cuStart: 'Period starts',
  cuBadYear: 'Enter a four-digit year, e.g. 2026',
  cuDownloadTracking: 'Download the tracking workbook',
  cuOpenTracking: 'Open as a new workbook',
  cuCreated: (y, n, sheet) => `Tracking workbook for ${y}: ${n} trainees, from sheet "${sheet}".`,
  cuOpened: 'Excel opened it in a new window; save it on your computer.',
  cuOpenUnsupported: 'This Excel cannot create a workbook from an add-in (ExcelApi 1.8 is needed); it was downloaded instead, open it in Excel.',
  cuRolloverTitle: 'Year-end rollover',
  cuRolloverHint: 'Choose a filled tracking workbook: trainees marked 继续培育 move to next year’s workbook with this year’s plans, activities and assessments; the old workbook is not changed.',
  cuPickTracking: 'Choose a tracking workbook…',
  cuNewYear: 'New year',
  cuDownloadRollover: 'Download next year’s workbook',
  cuOpenRollover: 'Open next year’s as a new workbook',
  cuRolledOver: (f, t) => (f ? `${f} → ${t}` : `rolled over to ${t}`),
  cuCheckTitle: 'Checking a filled tracking workbook',
  cuCheckHint: (p) => `Use Check: open the filled workbook (in Excel, open the pane on that workbook) and the programme is detected as "${p}". Besides ID numbers, required cells and options it checks the sheets against each other: trainees missing from the list, dates outside the period, final assessments missing, overdue plans. Edits are re-checked automatically.`,
  cuGoCheck: 'Go to Check',
  working: 'Working…',
};

export const STRINGS: Readonly<Record<Lang, Strings>> = { zh, en };

export function strings(lang: Lang): Strings {
  return STRINGS[lang] ?? zh;
}
