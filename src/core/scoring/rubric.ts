/**
 * The scoring rubric of a programme: the criteria experts score, their maximum points, the smallest step and the
 * named rounds. A profile may carry its own (`rubric` in the profile JSON); without one, the five forces
 * (工匠五力), 20 points each, with the indicators of the programme's application form.
 */
import type { Localized } from '../model/findings';
import { Force, FORCES, Profile } from '../profiles/schema';

export interface Criterion {
  /** Stable id (ASCII), recorded in the score sheets. */
  id: string;
  /** Shown in the header: "引领力（20分）". */
  name: string;
  /** Maximum points; the points are the weights (a total is the plain sum of criterion scores). */
  max: number;
  /** What the expert looks at (the form's indicators), for the instruction sheet. */
  indicators: string[];
}

export interface Rubric {
  criteria: Criterion[];
  /** Smallest step an expert may give (0.5: 17.5 is allowed, 17.25 is not). */
  step: number;
  /** Round names in order (书面初评, 会审答辩); each round is scored and consolidated separately. */
  rounds: string[];
  /** Sum of the criteria's maxima (100 by default). */
  maxTotal: number;
  /** Where it came from: the profile's own rubric or the default five forces. */
  source: 'profile' | 'default';
  /** Per round: the fewest accepted scores a candidate needs to be shortlisted (default 3). */
  minScores: Record<string, number>;
}

export const DEFAULT_POINTS = 20;
export const DEFAULT_STEP = 0.5;
export const DEFAULT_ROUNDS: readonly string[] = ['书面初评', '会审答辩'];
/** A shortlist resting on fewer scores than this is not defended: the candidate is ranked, never shortlisted. */
export const DEFAULT_MIN_SCORES = 3;

const FORCE_IDS: Record<Force, string> = {
  引领力: 'leadership',
  实践力: 'practice',
  创新力: 'innovation',
  攻关力: 'tackling',
  传承力: 'transmission',
};

export class RubricError extends Error {
  constructor(readonly localized: Localized) {
    super(`${localized.zh} / ${localized.en}`);
    this.name = 'RubricError';
    Object.setPrototypeOf(this, RubricError.prototype);
  }
}

/** x is a whole number of steps (17.5 with step 0.5), allowing for binary fractions such as 0.1. */
export function isOnStep(x: number, step: number): boolean {
  const q = x / step;
  return Math.abs(q - Math.round(q)) < 1e-9;
}

/** 20 → "20", 17.5 → "17.5", 0.1 + 0.2 → "0.3". */
export function formatPoints(x: number): string {
  return String(Math.round(x * 1e6) / 1e6);
}

/** Header of a criterion's column: "引领力（20分）". */
export function criterionHeader(c: Pick<Criterion, 'name' | 'max'>): string {
  return `${c.name}（${formatPoints(c.max)}分）`;
}

/** Indicators of one force, from the fields the profile's tables declare for it (details table first). */
function indicatorsOf(profile: Profile, force: Force): string[] {
  const tables = Object.values(profile.tables).filter(Boolean);
  tables.sort((a, b) => (a!.kind === 'details' ? -1 : b!.kind === 'details' ? 1 : 0));
  const out: string[] = [];
  for (const t of tables) for (const f of t!.fields) if (f.force === force && !out.includes(f.label)) out.push(f.label);
  return out;
}

/** The profile's rubric, or the default: the five forces, 20 points each, step 0.5, rounds 书面初评 and 会审答辩. */
export function rubricOf(profile: Profile): Rubric {
  const own = profile.rubric;
  const rubric: Rubric = own
    ? {
        criteria: own.criteria.map((c) => ({ id: c.id, name: c.name.trim(), max: c.max, indicators: [...c.indicators] })),
        step: own.step,
        rounds: [...own.rounds],
        maxTotal: 0,
        source: 'profile',
        minScores: {},
      }
    : {
        criteria: FORCES.map((f) => ({ id: FORCE_IDS[f], name: f, max: DEFAULT_POINTS, indicators: indicatorsOf(profile, f) })),
        step: DEFAULT_STEP,
        rounds: [...DEFAULT_ROUNDS],
        maxTotal: 0,
        source: 'default',
        minScores: {},
      };
  const min = own?.minScores;
  for (const r of rubric.rounds) rubric.minScores[r] = typeof min === 'number' ? min : (min?.[r] ?? DEFAULT_MIN_SCORES);
  rubric.maxTotal = rubric.criteria.reduce((s, c) => s + c.max, 0);
  checkRubric(rubric, profile.source, min);
  return rubric;
}

function checkRubric(r: Rubric, source: string, minScores?: number | Record<string, number>): void {
  const seen = new Set<string>();
  for (const c of r.criteria) {
    if (seen.has(c.id) || seen.has('name:' + c.name)) {
      throw new RubricError({ zh: `配置 ${source} 的评分标准中“${c.name}”（${c.id}）出现了两次`, en: `rubric of ${source}: criterion "${c.name}" (${c.id}) appears twice` });
    }
    seen.add(c.id);
    seen.add('name:' + c.name);
    if (!isOnStep(c.max, r.step)) {
      throw new RubricError({
        zh: `配置 ${source} 的评分标准中“${c.name}”的满分 ${formatPoints(c.max)} 不是最小分值 ${formatPoints(r.step)} 的整数倍`,
        en: `rubric of ${source}: the maximum of "${c.name}" (${formatPoints(c.max)}) is not a multiple of the step ${formatPoints(r.step)}`,
      });
    }
  }
  if (minScores && typeof minScores === 'object') {
    const unknown = Object.keys(minScores).filter((k) => !r.rounds.includes(k));
    if (unknown.length) {
      throw new RubricError({
        zh: `配置 ${source} 的 minScores 中的轮次“${unknown.join('、')}”不在评审轮次（${r.rounds.join('、')}）中`,
        en: `rubric of ${source}: minScores names rounds that are not among the rounds: ${unknown.join(', ')}`,
      });
    }
  }
  if (new Set(r.rounds).size !== r.rounds.length) {
    throw new RubricError({ zh: `配置 ${source} 的评审轮次有重复：${r.rounds.join('、')}`, en: `rubric of ${source}: a round is listed twice: ${r.rounds.join(', ')}` });
  }
}

/** The round to score: the one asked for (must be one of the rubric's) or the first. */
export function chooseRound(rubric: Rubric, asked?: string): string {
  if (asked === undefined) return rubric.rounds[0];
  const a = asked.trim();
  if (!rubric.rounds.includes(a)) {
    throw new RubricError({
      zh: `轮次“${a}”不在项目配置的评审轮次中（可用：${rubric.rounds.join('、')}）`,
      en: `round "${a}" is not one of the programme's rounds (${rubric.rounds.join(', ')})`,
    });
  }
  return a;
}

/** The review steps a candidate goes through, for the progress sheet: 形式审查, the scored rounds, 名单审定, 公示, 命名. */
export function reviewSteps(rubric: Rubric): string[] {
  return ['形式审查', ...rubric.rounds, '名单审定', '公示', '命名'];
}

/** Same criteria, maxima and step (what a returned score sheet must have been made with). */
type RubricShape = { criteria: readonly Pick<Criterion, 'id' | 'name' | 'max'>[]; step: number };
export function sameRubric(a: RubricShape, b: RubricShape): boolean {
  return (
    a.step === b.step &&
    a.criteria.length === b.criteria.length &&
    a.criteria.every((c, i) => c.id === b.criteria[i].id && c.name === b.criteria[i].name && c.max === b.criteria[i].max)
  );
}
