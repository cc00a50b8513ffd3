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
  notChecked: string;
  notCheckedOffice: string;
  // Office
  clearMarks: string;
  inputRules: string;
  printing: string;
  writeResults: string;
  liveOn: string;
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
}

const zh: Strings = {
  colon: '：',
  paren: (x) => `（${x}）`,
  appName: '匠选',
  appTagline: '推荐表校验',
  langToggle: 'EN',
  langToggleLabel: 'Switch to English',
  themeToggleLabel: '切换深色/浅色',
  openWorkbook: '打开工作簿',
  openWorkbookHint: '选择推荐汇总表或申报信息表（.xlsx）；文件只在本机浏览器中处理，不会上传',
  downloadAnnotated: '下载标注版',
  downloadAnnotatedHint: '下载一份标注了问题单元格并附“校验结果”工作表的副本；原文件不会改动',
  preparingDownload: '正在生成…',
  sampleNote: (file) => `当前显示的是示例工作簿“${file}”。点击“打开工作簿”选择您自己的推荐表。`,
  sampleMissing: '点击“打开工作簿”，选择要检查的推荐表（.xlsx）。',
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
  notChecked: '尚未校验。',
  notCheckedOffice: '选择项目（或保留自动识别），然后点“校验”检查当前工作簿。有问题的单元格会加上底色和批注。',
  clearMarks: '清除标注',
  inputRules: '设置输入规则',
  printing: '打印设置',
  writeResults: '写入校验结果表',
  liveOn: '修改单元格后会自动重新校验',
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
};

const en: Strings = {
  colon: ': ',
  paren: (x) => ` (${x})`,
  appName: 'Jiangxuan',
  appTagline: 'Nomination checker',
  langToggle: '中文',
  langToggleLabel: '切换到中文',
  themeToggleLabel: 'Toggle dark / light theme',
  openWorkbook: 'Open workbook',
  openWorkbookHint: 'Choose a summary sheet or nominee details (.xlsx); the file is processed in this browser and never uploaded',
  downloadAnnotated: 'Download annotated copy',
  downloadAnnotatedHint: 'Download a copy with problem cells marked and a "Check results" sheet; the original is not changed',
  preparingDownload: 'Preparing…',
  sampleNote: (file) => `This is the sample workbook "${file}". Choose "Open workbook" to check your own.`,
  sampleMissing: 'Choose "Open workbook" to check a nomination workbook (.xlsx).',
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
  notChecked: 'Not checked yet.',
  notCheckedOffice: 'Choose the programme (or let Jiangxuan detect it), then click Check to check this workbook. Problem cells get a fill and a comment.',
  clearMarks: 'Clear marks',
  inputRules: 'Set input rules',
  printing: 'Print setup',
  writeResults: 'Write a results sheet',
  liveOn: 'Edits are re-checked automatically',
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
};

export const STRINGS: Readonly<Record<Lang, Strings>> = { zh, en };

export function strings(lang: Lang): Strings {
  return STRINGS[lang] ?? zh;
}
