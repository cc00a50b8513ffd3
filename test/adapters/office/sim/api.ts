/**
 * The Excel API table generated from @types/office-js (scripts/office-sim/excel-api.js → excel-api.json): which
 * members each class declares, and the requirement set each one needs. The simulation asks it before every
 * member access, so a test can only pass with code that real Excel would accept on the simulated host.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export type SetTag = string | { get: string; set: string } | null;

export interface ApiMember {
  kind: 'property' | 'method';
  set: SetTag;
  readonly?: boolean;
  /** Navigation properties: the Excel class they lead to ("RangeFormat", "Worksheet[]", "EventHandlers"). */
  type?: string;
}

export interface ApiClass {
  kind: 'class' | 'interface';
  set?: SetTag;
  members: Record<string, ApiMember>;
}

let table: Record<string, ApiClass> | undefined;

export function apiTable(): Record<string, ApiClass> {
  if (!table) {
    const file = path.join(__dirname, 'excel-api.json');
    table = (JSON.parse(fs.readFileSync(file, 'utf8')) as { classes: Record<string, ApiClass> }).classes;
  }
  return table;
}

export function apiMember(cls: string, member: string): ApiMember | undefined {
  const c = apiTable()[cls];
  return c && Object.prototype.hasOwnProperty.call(c.members, member) ? c.members[member] : undefined;
}

/** "ExcelApi 1.13" → { set: 'ExcelApi', minor: 13 }; untagged members count as the first version of the API. */
export function parseTag(tag: string | null | undefined): { set: string; major: number; minor: number } {
  if (!tag) return { set: 'ExcelApi', major: 1, minor: 1 };
  const m = /^([A-Za-z]+) (\d+)\.(\d+)$/.exec(tag);
  if (!m) return { set: 'ExcelApi', major: 1, minor: 1 };
  return { set: m[1], major: Number(m[2]), minor: Number(m[3]) };
}

/** The tag that applies to reading, writing or calling a member. */
export function tagFor(m: ApiMember, mode: 'get' | 'set' | 'call'): string | null {
  if (m.set && typeof m.set === 'object') return mode === 'set' ? m.set.set : m.set.get;
  return m.set;
}
