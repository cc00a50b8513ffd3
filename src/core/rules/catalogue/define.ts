/**
 * The shape of a catalogue entry. Kept apart from index.ts so that the family files (identity.ts, content.ts …)
 * and index.ts do not import each other.
 */
import type { Localized, Severity } from '../../model/findings';

/**
 * One rule as users meet it: how serious, what it is called, what it says. `P` is what the check hands over
 * (a typed record; a rule with several wordings has a `variant` member), `message` turns it into the text.
 */
export interface RuleSpec<P, S extends Severity = Severity> {
  /** The rule's severity, as docs/rules.md lists it. */
  severity: S;
  /** When one wording is milder than the rule (several mobile numbers in one cell: a warning, not an error). */
  severityOf?: (p: P) => S;
  /** Short human name shown instead of the id: in the pane, the text report, the 校验结果 sheet. */
  name: Localized;
  /** Where the rule is explained: a page of docs/ and the heading's anchor, e.g. "rules.md#身份证号gb-11643". */
  docs: string;
  message: (p: P) => Localized;
}

/** Declares a rule (the identity function, there for the types: P is checked where the rule is reported). */
export function rule<P, S extends Severity = Severity>(spec: RuleSpec<P, S>): RuleSpec<P, S> {
  return spec;
}

/**
 * A kind of programme rule (eligibility, workbook rules): the profile gives each rule its id, severity, reason
 * and usually a name; the catalogue gives the kind's fallback name, its wording and where it is documented.
 */
export interface KindSpec<P> {
  name: Localized;
  docs: string;
  message: (p: P) => Localized;
}

export function kind<P>(spec: KindSpec<P>): KindSpec<P> {
  return spec;
}

/** Params of a RuleSpec or KindSpec. */
export type ParamsOf<T> = T extends { message: (p: infer P) => Localized } ? P : never;

/** What a cell holds when it is not text nor a plain number the check can read. */
export type OddCell = { kind: 'boolean'; value: boolean } | { kind: 'date' } | { kind: 'error'; error: string } | { kind: 'number'; value: number };

/** 「label」: how a column is named in Chinese messages. */
export function q(label: string): string {
  return `「${label}」`;
}
