/**
 * The report of `jiangxuan validate` over many files (check/combine-files.ts): an overview (totals, per
 * 推荐单位, people listed in several files, files that could not be used), then each file's own report grouped
 * by nominee, as for one file. Chinese by default.
 */
import type { Lang, Localized } from '../model/findings';
import type { CombinedFile, CombinedFiles } from '../check/combine-files';
import type { ValidationResult } from '../rules/validate-workbook';
import { countsLine, formatTextReport, jsonReport } from './text-report';
import { escapeControls } from '../text/printable';

export interface CombinedReportContext {
  /** Per file (same order as combined.files): how the programme was chosen, phrased for the reader. */
  programNotes?: readonly (string | undefined)[];
  /** Per file: a line added under its report (e.g. where its annotated copy was saved). */
  fileNotes?: readonly (string | undefined)[];
  /** Lines after the overview (files met in folders but not read, and why). */
  skipped?: readonly string[];
}

/** A file's result with the cross-file findings included (what its report and JSON show). */
export function combinedResult(f: CombinedFile): ValidationResult | undefined {
  return f.result && { ...f.result, findings: f.findings, counts: f.counts };
}

export function formatCombinedReport(c: CombinedFiles, ctx: CombinedReportContext, lang: Lang): string {
  const zh = lang === 'zh';
  const t = c.totals;
  const lines: string[] = [];
  lines.push(
    zh
      ? `匠选校验报告：${t.files} 个文件（已校验 ${t.checked} 个${t.unusable ? `，无法使用 ${t.unusable} 个` : ''}）`
      : `Jiangxuan check: ${t.files} files (${t.checked} checked${t.unusable ? `, ${t.unusable} unusable` : ''})`,
  );
  const named = c.units.filter((u) => u.unit !== undefined).length;
  lines.push(
    zh
      ? `推荐单位 ${named} 个 · 被推荐人 ${t.nominees} 人 · 跨文件重复 ${t.duplicates} 人`
      : `${named} recommending units · ${t.nominees} nominees · ${t.duplicates} listed in several files`,
  );
  lines.push((zh ? '合计：' : 'In all: ') + countsLine(t.counts, lang));

  if (c.units.length) {
    lines.push('', zh ? '按推荐单位：' : 'By recommending unit:');
    for (const u of c.units) {
      const name = u.unit ?? (zh ? '（落款未写推荐单位）' : '(no recommending unit in the footer)');
      const files = u.files.map((i) => c.files[i].name).join(zh ? '、' : ', ');
      lines.push(
        zh
          ? `  ${name}：${u.files.length} 个文件，${u.nominees} 人，${countsLine(u.counts, lang)}（${files}）`
          : `  ${name}: ${u.files.length} file(s), ${u.nominees} nominees, ${countsLine(u.counts, lang)} (${files})`,
      );
    }
  }

  if (c.duplicates.length) {
    lines.push('', zh ? '同一人出现在多个文件中：' : 'The same person in several files:');
    for (const d of c.duplicates) {
      const how = d.by === 'id' ? (zh ? '身份证号相同' : 'same ID') : zh ? '姓名和单位相同，缺少身份证号' : 'same name and unit, no ID';
      const where = d.places.map((p) => {
        const unit = c.files[p.file].unit;
        const by = unit ? (zh ? `，${unit}` : `, ${unit}`) : '';
        return `${c.files[p.file].name} ${p.sheet}!${p.cell}（${p.nominee}${by}）`;
      });
      lines.push(`  ${d.places[0].nominee}（${how}）：${where.join(zh ? '；' : '; ')}`);
    }
  }

  const failed = c.files.filter((f) => f.failure);
  if (failed.length) {
    lines.push('', zh ? '无法使用的文件：' : 'Files that could not be used:');
    for (const f of failed) lines.push(`  ✗ ${f.name}${zh ? '：' : ': '}${(f.failure as Localized)[lang]}`);
  }
  if (ctx.skipped?.length) lines.push('', ...ctx.skipped);

  let out = lines.map((l) => escapeControls(l)).join('\n') + '\n';
  c.files.forEach((f, i) => {
    const result = combinedResult(f);
    if (!result) return;
    out += '\n' + '─'.repeat(40) + '\n';
    out += formatTextReport(result, { file: f.name, programNote: ctx.programNotes?.[i] }, lang);
    const note = ctx.fileNotes?.[i];
    if (note) out += escapeControls(note) + '\n';
  });
  return out;
}

/**
 * `--format json` over many files: one entry per file, in order. A checked file has the one-file shape
 * (jsonReport) plus `file` and `unit`; a file that could not be used has `file` and `unusable` (the reason).
 */
export function combinedJson(c: CombinedFiles, lang: Lang, extra: readonly (Record<string, unknown> | undefined)[] = []): object[] {
  return c.files.map((f, i) => {
    const result = combinedResult(f);
    if (!result) return { file: f.name, unusable: (f.failure as Localized)[lang] };
    return { file: f.name, ...(f.unit !== undefined ? { unit: f.unit } : {}), ...jsonReport(result, lang, extra[i] ?? {}) };
  });
}
