/**
 * docs/rules.md explains every rule the engine (the rule catalogue) or a built-in profile can report: one row
 * per rule id, under the heading the catalogue names, with the rule's human name and severity.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allBuiltinProfiles } from '../../../src/core/profiles/builtin-profiles';
import { ELIGIBILITY_KINDS, profileRuleName, RULES, SCORING_PROBLEMS, WORKBOOK_RULE_KINDS } from '../../../src/core/rules/catalogue';
import { SEVERITY_LABELS } from '../../../src/core/report/severity-labels';

const DOCS = join(__dirname, '..', '..', '..', 'docs');

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens. */
function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

interface Page {
  anchors: Set<string>;
  /** Table rows whose first cell is a `code`, by code: the heading above and the cells by column title. */
  rows: Map<string, { anchor: string; cells: Record<string, string> }>;
}

function readPage(name: string): Page {
  const anchors = new Set<string>();
  const rows = new Map<string, { anchor: string; cells: Record<string, string> }>();
  let anchor = '';
  let columns: string[] = [];
  const cellsOf = (line: string) => line.slice(1, -1).split('|').map((c) => c.trim());
  for (const line of readFileSync(join(DOCS, name), 'utf8').split('\n')) {
    const h = /^#{1,6}\s+(.*)$/.exec(line);
    if (h) {
      anchor = slug(h[1]);
      anchors.add(anchor);
      columns = [];
    } else if (line.startsWith('|') && !line.startsWith('|---')) {
      const cells = cellsOf(line);
      const code = /^`([^`]+)`$/.exec(cells[0]);
      if (!code) columns = cells;
      else rows.set(code[1], { anchor, cells: Object.fromEntries(columns.map((c, i) => [c, cells[i]])) });
    }
  }
  return { anchors, rows };
}

const page = readPage('rules.md');
const target = (docs: string) => {
  const [file, anchor] = docs.split('#');
  return { file, anchor };
};

test('every catalogue rule has its row under its heading, with its name and severity', () => {
  const wrong: string[] = [];
  for (const [id, spec] of Object.entries(RULES)) {
    const { file, anchor } = target(spec.docs);
    const row = page.rows.get(id);
    const want = { anchor, 名称: spec.name.zh, 级别: SEVERITY_LABELS.zh[spec.severity] };
    const got = row && { anchor: row.anchor, 名称: row.cells['名称'], 级别: row.cells['级别'] };
    if (file !== 'rules.md' || JSON.stringify(got) !== JSON.stringify(want)) {
      wrong.push(`${id}: under “${anchor}” of ${file} expected | \`${id}\` | ${want.名称} | ${want.级别} | … |, found ${JSON.stringify(got)}`);
    }
  }
  expect(Object.keys(RULES).length).toBeGreaterThan(40);
  expect(wrong).toEqual([]);
});

test('every rule of a built-in profile has its row in its kind’s section, with the profile’s name and severity', () => {
  const wrong: string[] = [];
  let count = 0;
  for (const p of allBuiltinProfiles()) {
    for (const r of [...p.eligibility, ...p.workbookRules]) {
      count++;
      const kind = r.kind in ELIGIBILITY_KINDS ? ELIGIBILITY_KINDS[r.kind as keyof typeof ELIGIBILITY_KINDS] : WORKBOOK_RULE_KINDS[r.kind as keyof typeof WORKBOOK_RULE_KINDS];
      const row = page.rows.get(r.id);
      const name = profileRuleName(r).zh;
      const level = SEVERITY_LABELS.zh[r.severity];
      if (!r.name) wrong.push(`${p.id}: ${r.id} has no name`);
      if (!row || row.anchor !== target(kind.docs).anchor || row.cells['名称'] !== name || !row.cells['级别']?.includes(level)) {
        wrong.push(`${p.id}: expected | \`${r.id}\` | ${name} | … | ${level} | … | under “${target(kind.docs).anchor}”, found ${JSON.stringify(row)}`);
      }
    }
  }
  expect(count).toBeGreaterThan(20);
  expect(wrong).toEqual([]);
});

test('every rule row of docs/rules.md is a rule the catalogue or a built-in profile knows', () => {
  const known = new Set<string>(Object.keys(RULES));
  for (const p of allBuiltinProfiles()) for (const r of [...p.eligibility, ...p.workbookRules]) known.add(r.id);
  expect([...page.rows.keys()].filter((id) => !known.has(id))).toEqual([]);
});

test('every docs anchor of the catalogue is a heading of its page', () => {
  const pages = new Map<string, Page>();
  const entries = [...Object.values(RULES), ...Object.values(ELIGIBILITY_KINDS), ...Object.values(WORKBOOK_RULE_KINDS), ...Object.values(SCORING_PROBLEMS)];
  const missing = entries
    .map((e) => e.docs)
    .filter((d) => {
      const { file, anchor } = target(d);
      if (!pages.has(file)) pages.set(file, readPage(file));
      return !pages.get(file)!.anchors.has(anchor);
    });
  expect([...new Set(missing)]).toEqual([]);
});
