/**
 * Which programme a workbook belongs to, read from its title lines ("第三届（2025年度）“上海质量工匠”…"),
 * or failing that the profile whose tables fit the headers best.
 */
import { WorkbookGrid } from '../model/grid';
import { Profile } from '../profiles/schema';
import { cellText, isBlank, titleKey } from '../text/normalize';
import { recognizeWorkbook } from './recognize-tables';

export interface ProgramDetection {
  profile: Profile;
  /** 'title': a title line names the programme; 'headers': no title did, the best-fitting tables decided. */
  how: 'title' | 'headers';
  /** The title line that matched, as typed. */
  evidence?: string;
}

const TITLE_ROWS = 6;

/** Non-empty texts of the first rows of every sheet, and the sheet names. */
export function titleLines(wb: WorkbookGrid): string[] {
  const lines: string[] = [];
  for (const sheet of wb.sheets) {
    lines.push(sheet.name);
    for (let r = 0; r < Math.min(TITLE_ROWS, sheet.rows.length); r++) {
      for (const v of sheet.rows[r] ?? []) if (typeof v === 'string' && !isBlank(v) && v.length < 200) lines.push(cellText(v));
    }
  }
  return lines;
}

type DetectGroup = Profile['detect'][number];
const groupKeys = new WeakMap<DetectGroup, { all: string[]; none: string[] }>();
/** A detection group's keywords folded as titles are (once per group: a run may detect a hundred files). */
function keysOf(group: DetectGroup): { all: string[]; none: string[] } {
  let k = groupKeys.get(group);
  if (!k) groupKeys.set(group, (k = { all: group.all.map(titleKey), none: group.none.map(titleKey) }));
  return k;
}

export function detectProgram(wb: WorkbookGrid, profiles: readonly Profile[]): ProgramDetection | undefined {
  const lines = titleLines(wb).map((l) => ({ raw: l, key: titleKey(l) }));
  let best: { profile: Profile; score: number; evidence: string } | undefined;
  for (const profile of profiles) {
    for (const group of profile.detect) {
      const { all, none } = keysOf(group);
      for (const line of lines) {
        if (all.every((k) => line.key.includes(k)) && !none.some((k) => line.key.includes(k))) {
          // More keywords = more specific ("上海质量工匠"+"2025" beats "质量工匠"+"培育" only when both hold).
          const score = all.reduce((n, k) => n + k.length, 0);
          if (!best || score > best.score) best = { profile, score, evidence: line.raw.trim() };
        }
      }
    }
  }
  if (best) return { profile: best.profile, how: 'title', evidence: best.evidence };
  let byHeaders: { profile: Profile; score: number } | undefined;
  for (const profile of profiles) {
    if (profile.kind !== 'selection') continue;
    const score = recognizeWorkbook(wb, profile).reduce((n, t) => n + t.columns.length - t.missing.length, 0);
    // Ties go to the newer programme: the same forms are reused year after year.
    if (score > 0 && (!byHeaders || score > byHeaders.score || (score === byHeaders.score && profile.year > byHeaders.profile.year))) {
      byHeaders = { profile, score };
    }
  }
  return byHeaders && { profile: byHeaders.profile, how: 'headers' };
}
