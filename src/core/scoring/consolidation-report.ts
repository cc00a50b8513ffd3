/** A consolidated round as JSON (--format json) and as a short text report (the CLI's output). Pure. */
import type { Lang } from '../model/findings';
import { CANDIDATE_FLAG_LABELS, EXPERT_FLAG_LABELS } from './consolidate';
import type { ConsolidatedRound } from './consolidate-round';
import { recusalRows, shortlistBasis, verificationLine } from './result-content';
import { formatPoints } from './rubric';
import { describeW } from './statistics';

/** Figures are rounded to 4 decimals in JSON (the workbook keeps full precision); undefined becomes null. */
function r4(x: number | undefined): number | null {
  return x === undefined || !Number.isFinite(x) ? null : Math.round(x * 1e4) / 1e4;
}

export interface ConsolidationJson {
  program: string;
  round: string;
  /** "scores", or "ballot" (a ranking ballot: the figures are Borda scores 0–100). */
  mode: string;
  blind: boolean;
  /** False when no key file was used (--no-key): nothing about the sheets' origin was verified. */
  verified: boolean;
  /** Says so in words. */
  verification: string;
  /** What the shortlist rests on. */
  basis: string;
  rubric: { criteria: { id: string; name: string; max: number }[]; step: number; maxTotal: number };
  method: { trim: number; minCountForTrim: number; top: number | null; minScores: number; grouped: boolean; sd: 'sample' };
  candidates: {
    code: string;
    name: string;
    unit: string;
    group?: string;
    scores: number[];
    count: number;
    expected: number | null;
    mean: number | null;
    median: number | null;
    trimmedMean: number | null;
    sd: number | null;
    min: number | null;
    max: number | null;
    /** Highest − lowest (the 分歧 column). */
    range: number | null;
    zMean: number | null;
    criteria: Record<string, number | null>;
    recommend: { yes: number; no: number };
    recusals: number;
    rank: number | null;
    eligible: boolean;
    shortlisted: boolean;
    flags: string[];
  }[];
  recusals: { candidate: string; expert: string; kind: string; reason: string; file: string | null }[];
  experts: {
    code: string;
    name: string;
    unit: string;
    group?: string;
    file: string | null;
    count: number;
    mean: number | null;
    sd: number | null;
    leniency: number | null;
    correlation: number | null;
    shared: number;
    flags: string[];
  }[];
  agreement: { group: string | null; experts: number; candidates: number; excluded: number; w: number | null; chiSquare: number | null; df: number | null; p: number | null }[];
  files: { file: string; status: string; expert: string | null; savedAt: string | null; scores: number | null; errors: number | null; warnings: number | null }[];
  /** `scope: "score"`: the error left out one score, not the file. */
  problems: { file: string | null; severity: string; scope: string | null; code: string; message: string; expert: string | null; candidate: string | null; cell: string | null }[];
  summary: { files: number; accepted: number; rejected: number };
}

export function consolidationJson(c: ConsolidatedRound, lang: Lang = 'zh'): ConsolidationJson {
  const res = c.result;
  return {
    program: c.programme.id,
    round: c.round,
    mode: c.mode,
    blind: c.blind,
    verified: c.verified,
    verification: verificationLine(c)[lang],
    basis: shortlistBasis(c)[lang],
    rubric: { criteria: res.rubric.criteria.map((x) => ({ id: x.id, name: x.name, max: x.max })), step: res.rubric.step, maxTotal: res.maxTotal },
    method: { trim: res.options.trim, minCountForTrim: res.options.minCountForTrim, top: res.options.top ?? null, minScores: res.options.minScores, grouped: c.grouped, sd: 'sample' },
    candidates: res.candidates.map((x) => ({
      code: x.code,
      name: x.name,
      unit: x.unit,
      ...(x.group !== undefined ? { group: x.group } : {}),
      scores: x.scores.map((s) => s.total),
      count: x.count,
      expected: x.expected ?? null,
      mean: r4(x.mean),
      median: r4(x.median),
      trimmedMean: r4(x.trimmedMean),
      sd: r4(x.sd),
      min: r4(x.min),
      max: r4(x.max),
      range: r4(x.range),
      zMean: r4(x.zMean),
      criteria: Object.fromEntries(res.rubric.criteria.map((k, i) => [k.name, r4(x.criteria[i])])),
      recommend: x.recommend,
      recusals: x.recusals,
      rank: x.rank ?? null,
      eligible: x.eligible,
      shortlisted: x.shortlisted,
      flags: x.flags,
    })),
    recusals: recusalRows(c).map((r) => ({ candidate: r.candidate, expert: r.expert, kind: r.kind, reason: r.reason, file: r.file || null })),
    experts: res.experts.map((e) => ({
      code: e.code,
      name: e.name,
      unit: e.unit,
      ...(e.group !== undefined ? { group: e.group } : {}),
      file: e.file ?? null,
      count: e.count,
      mean: r4(e.mean),
      sd: r4(e.sd),
      leniency: r4(e.leniency),
      correlation: r4(e.correlation),
      shared: e.shared,
      flags: e.flags,
    })),
    agreement: res.agreement.map((a) => ({
      group: a.group ?? null,
      experts: a.experts,
      candidates: a.candidates,
      excluded: a.excluded,
      w: r4(a.w?.w),
      chiSquare: r4(a.w?.chiSquare),
      df: a.w?.df ?? null,
      p: a.w ? Number(a.w.p.toPrecision(4)) : null,
    })),
    files: c.files.map((f) => ({ file: f.file, status: f.status, expert: f.expert ?? null, savedAt: f.savedAt ?? null, scores: f.scores ?? null, errors: f.errors ?? null, warnings: f.warnings ?? null })),
    problems: c.problems.map((p) => ({
      file: p.file ?? null,
      severity: p.severity,
      scope: p.scope ?? null,
      code: p.code,
      message: p.message[lang],
      expert: p.expert ?? null,
      candidate: p.candidate ?? null,
      cell: p.cell ?? null,
    })),
    summary: { files: c.files.length, accepted: c.accepted, rejected: c.rejected },
  };
}

const fmt = (x: number | undefined, d = 2) => (x === undefined ? '—' : (Math.round(x * 10 ** d) / 10 ** d).toFixed(d));

/** A short report for the terminal: files, problems, the ranking (first `limit` lines), agreement. */
export function consolidationText(c: ConsolidatedRound, lang: Lang = 'zh', opts: { out?: string; limit?: number } = {}): string {
  const res = c.result;
  const zh = lang === 'zh';
  const lines: string[] = [];
  const superseded = c.files.filter((f) => f.status === 'superseded').length;
  lines.push(zh ? `${c.programmeTitle} · ${c.round} · ${c.mode === 'ballot' ? '名次投票汇总' : '评分汇总'}` : `${c.programme.name} · ${c.round} · ${c.mode === 'ballot' ? 'ballot count' : 'consolidation'}`);
  lines.push(verificationLine(c)[lang]);
  lines.push(
    zh
      ? `评分表：有效 ${c.accepted} 份，退回 ${c.rejected} 份${superseded ? `，被替代 ${superseded} 份` : ''}`
      : `score sheets: ${c.accepted} accepted, ${c.rejected} rejected${superseded ? `, ${superseded} superseded` : ''}`,
  );
  const accepted = c.files.filter((f) => f.status === 'accepted');
  if (accepted.length) {
    lines.push('', zh ? '计入的评分表：' : 'Counted:');
    for (const f of accepted) lines.push(`  ${f.file}  ${f.expert ?? ''}  ${zh ? `${f.scores ?? 0} 份评分` : `${f.scores ?? 0} scores`}${f.errors ? (zh ? `（${f.errors} 项不计）` : ` (${f.errors} left out)`) : ''}`);
  }
  if (c.problems.length) {
    lines.push('', zh ? '问题：' : 'Problems:');
    for (const p of c.problems) {
      const sev = p.severity === 'error' ? (p.scope === 'score' ? (zh ? '不计' : 'score  ') : zh ? '错误' : 'error  ') : zh ? '警告' : 'warning';
      lines.push(`  ${sev}  ${p.file ? p.file + (zh ? '：' : ': ') : ''}${p.message[lang]}`);
    }
  }
  const ranked = res.candidates.filter((x) => x.rank !== undefined);
  if (ranked.length) {
    const limit = opts.limit ?? Math.max(20, res.options.top ?? 0);
    lines.push('', zh ? `排名（按${res.options.trim > 0 ? '去极值平均分' : '平均分'}${c.grouped ? '，分组排名' : ''}）：` : `Ranking (by ${res.options.trim > 0 ? 'trimmed mean' : 'mean'}${c.grouped ? ', per group' : ''}):`);
    if (res.options.top) lines.push(`  ${zh ? '候选人建议名单' : 'Shortlist'}：${shortlistBasis(c)[lang]}`);
    let group: string | undefined;
    for (const x of ranked.slice(0, limit)) {
      if (c.grouped && x.group !== group) {
        group = x.group;
        lines.push(zh ? `  组别“${group ?? ''}”` : `  group ${group ?? ''}`);
      }
      const flags = x.flags.filter((f) => f.startsWith('disagreement') || f === 'too-few-scores').map((f) => CANDIDATE_FLAG_LABELS[f][lang]);
      lines.push(
        `  ${String(x.rank).padStart(3)}  ${x.code}  ${x.name || ''}${x.unit ? (zh ? `（${x.unit}）` : ` (${x.unit})`) : ''}  ${fmt(x.trimmedMean)}` +
          (zh ? `（${x.count} 份，平均 ${fmt(x.mean)}，中位数 ${fmt(x.median)}，标准差 ${fmt(x.sd)}，分歧 ${fmt(x.range)}）` : ` (${x.count} scores, mean ${fmt(x.mean)}, median ${fmt(x.median)}, SD ${fmt(x.sd)}, range ${fmt(x.range)})`) +
          (x.shortlisted ? (zh ? ' ★建议名单' : ' ★shortlist') : '') +
          (flags.length ? '  ⚠ ' + flags.join(zh ? '；' : '; ') : ''),
      );
    }
    if (ranked.length > limit) lines.push(zh ? `  …… 共 ${ranked.length} 人，完整排名见结果工作簿` : `  … ${ranked.length} in all; see the result workbook`);
  }
  const flagged = res.experts.filter((e) => e.flags.length);
  if (flagged.length) {
    lines.push('', zh ? '需要留意的专家：' : 'Experts to look at:');
    for (const e of flagged) lines.push(`  ${e.code} ${e.name}：${e.flags.map((f) => EXPERT_FLAG_LABELS[f][lang]).join(zh ? '；' : '; ')}`);
  }
  for (const a of c.accepted ? res.agreement : []) {
    const who = a.group ? (zh ? `组别“${a.group}”` : `group ${a.group}`) : zh ? '全体专家' : 'panel';
    lines.push(
      a.w
        ? zh
          ? `专家一致性（${who}）：Kendall W = ${fmt(a.w.w, 3)}，${describeW(a.w.w).zh}，p ${a.w.p < 0.001 ? '< 0.001' : '= ' + fmt(a.w.p, 3)}（${a.experts} 位专家 × ${a.candidates} 名候选人${a.excluded ? `，${a.excluded} 名因回避未计入` : ''}）`
          : `Agreement (${who}): Kendall's W = ${fmt(a.w.w, 3)}, ${describeW(a.w.w).en}, p ${a.w.p < 0.001 ? '< 0.001' : '= ' + fmt(a.w.p, 3)} (${a.experts} experts × ${a.candidates} candidates)`
        : zh
          ? `专家一致性（${who}）：无法计算（需要至少 2 位专家共同评过至少 2 名候选人）`
          : `Agreement (${who}): not computable`,
    );
  }
  if (opts.out) lines.push('', zh ? `结果已保存：${opts.out}（满分 ${formatPoints(res.maxTotal)}）` : `Result saved: ${opts.out}`);
  if (!c.verified) lines.push('', verificationLine(c)[lang]);
  return lines.join('\n') + '\n';
}
