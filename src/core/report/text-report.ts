/** The readable report of `jiangxuan validate --format text`: grouped by nominee in summary-sheet order, Chinese by default. */
import { Lang, Severity } from '../model/findings';
import { ruleName } from '../rules/catalogue';
import { ValidationResult } from '../rules/validate-workbook';
import { SEVERITY_LABELS } from './severity-labels';
import { escapeControls } from '../text/printable';
import { groupByNominee } from './nominee-groups';

export interface ReportContext {
  file: string;
  /** How the programme was chosen, already phrased for the reader. */
  programNote?: string;
}

const SEV_LABEL = SEVERITY_LABELS;
const SEV_MARK: Record<Severity, string> = { error: '✗', warning: '!', info: 'i' };

export function severityLabel(s: Severity, lang: Lang): string {
  return SEV_LABEL[lang][s];
}

export function countsLine(counts: Record<Severity, number>, lang: Lang): string {
  return lang === 'zh'
    ? `错误 ${counts.error} · 警告 ${counts.warning} · 提示 ${counts.info}`
    : `${counts.error} errors · ${counts.warning} warnings · ${counts.info} info`;
}

export function formatTextReport(result: ValidationResult, ctx: ReportContext, lang: Lang): string {
  const zh = lang === 'zh';
  const lines: string[] = [];
  lines.push(zh ? `匠选校验报告：${ctx.file}` : `Jiangxuan check: ${ctx.file}`);
  lines.push((zh ? '项目：' : 'Programme: ') + result.program.name[lang] + (ctx.programNote ? `（${ctx.programNote}）` : ''));
  lines.push(zh ? `年龄与荣誉年限按 ${result.asOf} 计算` : `Ages and look-back windows counted at ${result.asOf}`);
  for (const t of result.tables) {
    // Several units' summaries on one sheet: which block, named after its footer's unit.
    const block = t.block ? (zh ? `（第 ${t.block.index}/${t.block.count} 块${t.block.label ? `：${t.block.label}` : ''}）` : ` (block ${t.block.index}/${t.block.count}${t.block.label ? `: ${t.block.label}` : ''})`) : '';
    const kind = t.name[lang] + block;
    lines.push(
      zh
        ? `表格：工作表“${t.sheet}”的${kind}，表头在 ${t.header}，${t.nominees} 行，识别 ${t.columns} 栏`
        : `Table: ${kind} on sheet "${t.sheet}", header at ${t.header}, ${t.nominees} rows, ${t.columns} columns recognised`,
    );
  }
  lines.push((zh ? '结果：' : 'Result: ') + countsLine(result.counts, lang));
  if (result.findings.length === 0) {
    lines.push('');
    lines.push(zh ? '没有发现问题。' : 'No problems found.');
    return joinLines(lines);
  }
  for (const g of groupByNominee(result.findings, result.nomineeOrder)) {
    lines.push('');
    const c = { error: 0, warning: 0, info: 0 };
    for (const f of g.findings) c[f.severity]++;
    const title = g.nominee ?? (zh ? '表格整体' : 'The tables as a whole');
    const tally = (['error', 'warning', 'info'] as const)
      .filter((s) => c[s])
      .map((s) => (zh ? `${c[s]} 个${SEV_LABEL.zh[s]}` : `${c[s]} ${SEV_LABEL.en[s].toLowerCase()}`))
      .join(zh ? '，' : ', ');
    lines.push(`■ ${title}（${tally}）`);
    for (const f of g.findings) {
      lines.push(`  ${SEV_MARK[f.severity]} ${SEV_LABEL[lang][f.severity]} ${f.sheet}!${f.cell}  ${f.message[lang]}  [${ruleName(f, lang)}]`);
    }
  }
  return joinLines(lines);
}

/**
 * Names, sheet names and messages come from the user's file: a control character in them (an ESC sequence, a
 * carriage return, a bidi override) is shown escaped, so that it can neither drive the terminal nor forge a line.
 */
function joinLines(lines: readonly string[]): string {
  return lines.map((l) => escapeControls(l)).join('\n') + '\n';
}

/** The JSON of `--format json`: the stable shape other tools rely on (`rule` is the id, `ruleName` what people read). */
export function jsonReport(result: ValidationResult, lang: Lang, extra: Record<string, unknown> = {}): object {
  return {
    program: result.program.id,
    programName: result.program.name[lang],
    ...extra,
    asOf: result.asOf,
    tables: result.tables,
    nominees: result.nominees,
    findings: result.findings.map((f) => ({
      severity: f.severity,
      sheet: f.sheet,
      cell: f.cell,
      rule: f.rule,
      ruleName: ruleName(f, lang),
      message: f.message[lang],
      ...(f.nominee !== undefined ? { nominee: f.nominee } : {}),
      ...(f.hidden ? { hidden: f.hidden } : {}),
    })),
    counts: result.counts,
  };
}
