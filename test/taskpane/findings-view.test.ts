import type { Finding, Severity } from '../../src/core/model/findings';
import { ALL_SEVERITIES, capGroups, filterFindings, groupFindings, ruleChoices } from '../../src/taskpane/findings-view';

function f(severity: Severity, rule: string, row: number, nominee?: string): Finding {
  const out: Finding = { severity, rule, message: { zh: rule, en: rule }, sheet: 'S', row, col: 1, cell: `B${row + 1}` };
  if (nominee !== undefined) out.nominee = nominee;
  return out;
}

const FINDINGS = [f('error', 'id.checksum', 2, '张三'), f('warning', 'phone.format', 2, '张三'), f('error', 'id.checksum', 3, '李四'), f('info', 'table.hidden-sheet', 0), f('error', 'footer.missing', 9)];

describe('findings view', () => {
  it('filters by severity and rule', () => {
    expect(filterFindings(FINDINGS, { severities: ALL_SEVERITIES })).toHaveLength(5);
    expect(filterFindings(FINDINGS, { severities: new Set<Severity>(['error']) })).toHaveLength(3);
    expect(filterFindings(FINDINGS, { severities: ALL_SEVERITIES, rule: 'id.checksum' }).map((x) => x.nominee)).toEqual(['张三', '李四']);
    expect(filterFindings(FINDINGS, { severities: new Set<Severity>(['warning']), rule: 'id.checksum' })).toHaveLength(0);
  });

  it('groups by nominee in order, table-level findings last, with tallies', () => {
    const groups = groupFindings(FINDINGS);
    expect(groups.map((g) => g.nominee)).toEqual(['张三', '李四', undefined]);
    expect(groups[0].counts).toEqual({ error: 1, warning: 1, info: 0 });
    expect(groups[2].findings).toHaveLength(2);
    expect(new Set(groups.map((g) => g.key)).size).toBe(3);
  });

  it('lists rules by frequency with their worst severity, named for people', () => {
    expect(ruleChoices(FINDINGS, 'zh')[0]).toEqual({ rule: 'id.checksum', name: '身份证校验位', count: 2, severity: 'error' });
    expect(ruleChoices(FINDINGS, 'zh').map((r) => r.rule)).toEqual(['id.checksum', 'footer.missing', 'phone.format', 'table.hidden-sheet']);
    // An id the catalogue does not know keeps its id as its name.
    expect(ruleChoices(FINDINGS, 'en').map((r) => r.name)).toEqual(['ID check character', 'Missing footer line', 'phone.format', 'Hidden sheet']);
  });

  it('names a programme rule by the name its finding carries', () => {
    const own: Finding = { ...f('warning', 'sqc.already-local-craftsman', 4, '王五'), ruleName: { zh: '已获区工匠或产业工匠', en: 'Already a district or industry craftsman' } };
    expect(ruleChoices([own], 'zh')[0].name).toBe('已获区工匠或产业工匠');
  });

  it('caps long lists group by group', () => {
    const { groups, hidden } = capGroups(groupFindings(FINDINGS), 3);
    expect(groups.map((g) => g.findings.length)).toEqual([2, 1]);
    expect(hidden).toBe(2);
    expect(capGroups(groupFindings(FINDINGS), 100).hidden).toBe(0);
  });
});
