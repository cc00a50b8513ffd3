/**
 * Who scores whom. Every expert scores every candidate (of their group, with --group-by) except the candidates
 * of their own unit: an expert never gets a candidate from their own unit (conflict of interest, 回避).
 *
 * "Same unit" is decided on a normalised unit name (unitKey) and is deliberately on the cautious side:
 * - full-width/half-width, traditional/simplified, spaces, brackets and punctuation do not matter;
 * - "上海市…" and "上海…" are the same; legal-form endings are dropped (股份有限公司, 有限责任公司, 有限公司,
 *   集团公司, 集团, 总公司, 公司, 股份), so "上海电气集团股份有限公司" = "上海电气（集团）总公司" = "上海电气";
 * - a unit whose key starts with another unit's key of 4 or more characters is treated as part of it
 *   ("上海电气" and "上海电气电站设备有限公司上海汽轮机厂"): subsidiaries and branches are avoided too.
 * A false "same unit" only means one score fewer for that candidate; a missed one would be an unfair score.
 * Every exclusion is listed (with both units) in the organiser's 评分安排 workbook, so staff can check them.
 */
import { fold } from '../text/normalize';
import type { Candidate } from './candidates';
import { groupKey } from './candidates';
import type { Expert } from './experts';
import { problem, ScoringProblem } from './problems';

const LEGAL_SUFFIX = /(股份有限公司|有限责任公司|有限公司|集团公司|集团|股份公司|总公司|公司|股份)$/;
const PUNCT = /[()[\]{}【】〔〕<>《》"'“”‘’`·.,，。、;；:：\-—–_/\\|!！?？&＆]/g;
const MIN_PREFIX = 4;

/** Keys already computed: consolidating checks every returned score's candidate against its expert. */
const KEYS = new Map<string, string>();

/** Comparison key of a unit name (see the file comment). */
export function unitKey(unit: string): string {
  let k = KEYS.get(unit);
  if (k === undefined) {
    if (KEYS.size > 20000) KEYS.clear();
    KEYS.set(unit, (k = computeUnitKey(unit)));
  }
  return k;
}

function computeUnitKey(unit: string): string {
  const base = fold(unit).toLowerCase().replace(PUNCT, '').replace(/^上海市/, '上海');
  let k = base;
  for (let prev = ''; prev !== k && k; ) {
    prev = k;
    k = k.replace(LEGAL_SUFFIX, '');
  }
  return k || base;
}

/** True when an expert of unit a must not score a candidate of unit b (and vice versa). */
export function sameUnit(a: string, b: string): boolean {
  return sameUnitKey(unitKey(a), unitKey(b));
}

/** sameUnit on keys already computed (checking thousands of returned scores computes each unit's key once). */
export function sameUnitKey(ka: string, kb: string): boolean {
  if (ka === kb) return true;
  const [short, long] = ka.length <= kb.length ? [ka, kb] : [kb, ka];
  return short.length >= MIN_PREFIX && long.startsWith(short);
}

export interface Exclusion {
  candidate: string;
  expert: string;
  reason: 'same-unit';
}

export interface Assignment {
  /** Expert code → candidate codes, in candidate order. Experts with no candidate are absent. */
  byExpert: Map<string, string[]>;
  /** Candidate code → expert codes, in expert order (empty when nobody can score the candidate). */
  byCandidate: Map<string, string[]>;
  /** Pairs left out for a conflict of interest. */
  exclusions: Exclusion[];
  /** Unscorable candidates (error), thin panels and idle experts (warnings). */
  problems: ScoringProblem[];
  grouped: boolean;
}

export interface AssignOptions {
  /** Candidates go to the experts of their group (--group-by). */
  grouped: boolean;
  /** Fewer scorers than this → warning (default 3). */
  minExperts?: number;
}

export function assignCandidates(candidates: readonly Candidate[], experts: readonly Expert[], opts: AssignOptions): Assignment {
  const minExperts = opts.minExperts ?? 3;
  const byExpert = new Map<string, string[]>();
  const byCandidate = new Map<string, string[]>();
  const exclusions: Exclusion[] = [];
  const problems: ScoringProblem[] = [];
  const expertKey = experts.map((e) => (opts.grouped ? groupKey(e.group ?? '') : ''));
  const expertUnit = experts.map((e) => unitKey(e.unit));
  for (const c of candidates) {
    const cg = opts.grouped ? groupKey(c.group ?? '') : '';
    const cu = unitKey(c.unit);
    const scorers: string[] = [];
    const conflicted: Expert[] = [];
    let inGroup = 0;
    experts.forEach((e, i) => {
      if (expertKey[i] !== cg) return;
      inGroup++;
      if (expertUnit[i] === cu || sameUnit(e.unit, c.unit)) {
        exclusions.push({ candidate: c.code, expert: e.code, reason: 'same-unit' });
        conflicted.push(e);
        return;
      }
      scorers.push(e.code);
      let list = byExpert.get(e.code);
      if (!list) byExpert.set(e.code, (list = []));
      list.push(c.code);
    });
    byCandidate.set(c.code, scorers);
    if (scorers.length === 0) {
      if (opts.grouped && !c.group) {
        problems.push(problem('assign.no-group', { candidate: c }, { candidate: c.code }));
      } else if (inGroup === 0) {
        problems.push(
          problem('assign.group-without-experts', { candidate: c, group: c.group }, { candidate: c.code }),
        );
      } else {
        const experts = conflicted.map((e) => e.name);
        problems.push(problem('assign.all-conflicted', opts.grouped ? { candidate: c, group: c.group, experts } : { candidate: c, experts }, { candidate: c.code }));
      }
    } else if (scorers.length < minExperts) {
      problems.push(
        problem('assign.few-experts', { candidate: c, experts: scorers.length, recused: conflicted.length, min: minExperts }, { candidate: c.code }),
      );
    }
  }
  for (const e of experts) {
    if (byExpert.has(e.code)) continue;
    const groupHas = candidates.some((c) => (opts.grouped ? groupKey(c.group ?? '') === groupKey(e.group ?? '') : true));
    problems.push(
      groupHas
        ? problem('assign.expert-all-conflicted', { expert: e }, { expert: e.code })
        : problem('assign.expert-without-candidates', { expert: e.name, group: e.group }, { expert: e.code }),
    );
  }
  return { byExpert, byCandidate, exclusions, problems, grouped: opts.grouped };
}
