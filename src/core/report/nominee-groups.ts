/**
 * The order in which findings are read: one group per nominee, in the order of the summary sheet (the list the
 * unit submits, and the order officers go through it), then nominees only the details sheet has, then
 * table-level findings. The CLI's text report and the pane both group with this, so they read alike.
 */
import type { Finding } from '../model/findings';

export interface NomineeGroup {
  /** Nominee as the findings name them (name as typed, or "第 7 行"); undefined for table-level findings. */
  nominee?: string;
  findings: Finding[];
}

/** The tables' nominee labels, in reading order: the summary sheet's rows first, then the details', then others. */
export function nomineeOrder(tables: readonly { kind: string; labels: readonly string[] }[]): string[] {
  const rank = (kind: string) => (kind === 'summary' ? 0 : kind === 'details' ? 1 : 2);
  const sorted = tables.map((t, i) => ({ t, i })).sort((a, b) => rank(a.t.kind) - rank(b.t.kind) || a.i - b.i);
  const seen = new Set<string>();
  const out: string[] = [];
  for (const { t } of sorted) {
    for (const label of t.labels) {
      if (seen.has(label)) continue;
      seen.add(label);
      out.push(label);
    }
  }
  return out;
}

/**
 * Findings grouped by nominee: nominees in `order` (see nomineeOrder), any other nominee after them in the order
 * it first appears, table-level findings last. Within a group, findings keep their order (sheet, row, column).
 */
export function groupByNominee(findings: readonly Finding[], order: readonly string[] = []): NomineeGroup[] {
  const groups = new Map<string, Finding[]>();
  const general: Finding[] = [];
  for (const f of findings) {
    if (f.nominee === undefined) {
      general.push(f);
      continue;
    }
    const list = groups.get(f.nominee);
    if (list) list.push(f);
    else groups.set(f.nominee, [f]);
  }
  const position = new Map<string, number>();
  order.forEach((n, i) => {
    if (!position.has(n)) position.set(n, i);
  });
  let next = order.length;
  for (const n of groups.keys()) if (!position.has(n)) position.set(n, next++);
  const out: NomineeGroup[] = [...groups.keys()]
    .sort((a, b) => position.get(a)! - position.get(b)!)
    .map((nominee) => ({ nominee, findings: groups.get(nominee)! }));
  if (general.length) out.push({ findings: general });
  return out;
}
