/**
 * A whole round for the tests that need one: candidates and experts, the generated sheets, every expert filling
 * theirs (seeded scores, or a ballot), and what each test adds — a declared conflict, a text score, a cell left
 * empty. Real .xlsx bytes at every step.
 */
import type { Profile } from '../../src/core/profiles/schema';
import { generateScoreSheets, GeneratedScoreSheets } from '../../src/adapters/exceljs/scoring/generate';
import { Rng } from '../../src/samples/fake-nominees';
import { candidatesWorkbook, CandidateSpec, expertsWorkbook, fillSheet, RowFill } from './helpers';

export interface PanelSpec {
  profile: Profile;
  programme?: string;
  candidates: CandidateSpec[];
  /** 姓名, 单位 and, with groups, 组别. */
  experts: string[][];
  groupBy?: string;
  blind?: boolean;
  ballot?: boolean;
  seed?: number;
  /** Changes to the seeded fills: expert code → candidate code → fill (replaces the seeded one). */
  overrides?: Record<string, Record<string, RowFill>>;
}

export interface Panel {
  gen: GeneratedScoreSheets;
  /** Returned sheets, filled, in expert order. */
  returned: { name: string; bytes: Uint8Array }[];
  key: { name: string; bytes: Uint8Array };
}

export async function panel(spec: PanelSpec): Promise<Panel> {
  const grouped = !!spec.groupBy;
  const gen = await generateScoreSheets({
    profile: spec.profile,
    candidates: { name: '推荐汇总表.xlsx', bytes: await candidatesWorkbook(spec.candidates, spec.programme ?? spec.profile.id) },
    experts: { name: '专家名单.xlsx', bytes: await expertsWorkbook(spec.experts, grouped ? ['姓名', '单位', '组别'] : ['姓名', '单位']) },
    groupBy: spec.groupBy,
    blind: spec.blind,
    ballot: spec.ballot,
  });
  const rng = new Rng(spec.seed ?? 7);
  const returned = [];
  for (const s of gen.sheets) {
    const codes = gen.assignment.byExpert.get(s.expert.code) ?? [];
    const order = rng.shuffle(codes);
    const fills: Record<string, RowFill> = {};
    for (const code of codes) {
      fills[code] = spec.ballot
        ? { position: order.indexOf(code) + 1 }
        : { criteria: [0, 1, 2, 3, 4].map(() => rng.int(24, 40) / 2), recommend: rng.chance(0.7) ? '推荐' : '不推荐' };
    }
    Object.assign(fills, spec.overrides?.[s.expert.code] ?? {});
    returned.push({ name: s.name, bytes: await fillSheet(s.bytes, fills) });
  }
  return { gen, returned, key: { name: gen.key.name, bytes: gen.key.bytes } };
}
