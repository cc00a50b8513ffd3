/**
 * Word 申报表: a nominee's details row printed as the notice's form (.docx, written by the docx package), read back
 * through the Word adapter and the one door, gives the same record; forms filled in Word the way nominees fill them
 * (check-box controls, Wingdings ticks, cells merged down and across) read as well; broken or foreign files say why.
 */
import { AlignmentType, CheckBox, Document, Packer, Paragraph, SymbolRun, Table, TableCell, TableRow, TextRun, VerticalMergeType, WidthType } from 'docx';
import JSZip from 'jszip';
import { checkWorkbook } from '../../src/core/check/check-workbook';
import { builtinProfile } from '../../src/core/profiles/builtin-profiles';
import { applicationForm, formsSettings } from '../../src/core/forms/form-layout';
import { formDocument } from '../../src/core/forms/form-document';
import { readForm } from '../../src/core/forms/read-form';
import { documentGrid, readDocxGrid } from '../../src/adapters/docx/read-docx';
import { DocxReadError } from '../../src/adapters/docx/errors';
import { writeDocx } from '../../src/adapters/docx/write-docx';
import { readXml } from '../../src/adapters/docx/xml-reader';
import { formValues, ID_LIN, nomineesOf, wordForm } from './helpers';

const TODAY = { y: 2025, m: 3, d: 1 };
const PROGRAMMES = ['sqc-2025', 'sqc-2024', 'sh-craftsman-2024', 'qingpu-2018'];

function asText(values: ReadonlyMap<string, unknown>): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const [k, v] of values) out[k] = v === null || v === undefined ? null : String(v).trim();
  return out;
}

describe('details row → written .docx → read back → the same record', () => {
  test.each(PROGRAMMES)('%s: four nominees, through the one door, no findings', async (programme) => {
    const profile = builtinProfile(programme)!;
    for (const n of nomineesOf(programme, 4, `rt-${programme}`)) {
      const { grid, tables } = await readDocxGrid(await wordForm(programme, n), `${n.name}.docx`);
      expect(tables).toBe(1);
      const o = checkWorkbook({ sheets: [grid] }, { profile, today: TODAY });
      expect(o.forms).toHaveLength(1);
      expect(asText(o.forms![0].values)).toEqual(Object.fromEntries(formValues(programme, n)));
      expect(o.result.findings.map((f) => `${f.cell} ${f.rule} ${f.message.zh}`)).toEqual([]);
    }
  });

  test('odd values survive: texts over several lines, an answer that is not an option, a bare tick, a 附页', async () => {
    const profile = builtinProfile('sqc-2025')!;
    const layout = applicationForm(profile);
    const n = nomineesOf('sqc-2025', 1, 'odd')[0];
    const values = new Map<string, string | number | null>(Object.entries(n.values) as [string, string | number | null][]);
    values.set('lead1', '第一行：牵头攻关\n第二行：形成标准');
    values.set('prac2', '√');
    values.set('skillLevel', '大专');
    values.set('modelWorker', '全国劳模、上海市劳模');
    values.set('achievements', '一、立足岗位。'.repeat(200));
    values.set('honours', '2023年 上海市质量协会 一等奖\n2021年 上海市总工会 五一劳动奖章');
    values.set('lead2', null);
    const built = formDocument(layout, values, { attachAbove: formsSettings(profile).attachAbove, nominee: n.name });
    expect(built.attached).toEqual(['achievements']);
    const { grid } = await readDocxGrid(await writeDocx(built.document), 'odd.docx');
    const got = asText(readForm(grid, layout).values);
    expect(got).toMatchObject({
      lead1: '第一行：牵头攻关\n第二行：形成标准',
      lead2: null,
      prac2: '√',
      skillLevel: '大专',
      modelWorker: '全国劳模、上海市劳模',
      achievements: '一、立足岗位。'.repeat(200),
      honours: '2023年 上海市质量协会 一等奖\n2021年 上海市总工会 五一劳动奖章',
    });
  });
});

/** An SQC form as a nominee fills the notice's Word file: force labels merged down, ticks as controls and symbols. */
async function filledInWord(): Promise<Uint8Array> {
  const W = 1500;
  const text = (t: string) => new Paragraph({ children: [new TextRun(t)] });
  const cell = (children: Paragraph[], opts: { span?: number; vMerge?: 'restart' | 'continue' } = {}) =>
    new TableCell({
      children,
      columnSpan: opts.span,
      verticalMerge: opts.vMerge === 'restart' ? VerticalMergeType.RESTART : opts.vMerge === 'continue' ? VerticalMergeType.CONTINUE : undefined,
      width: { size: W * (opts.span ?? 1), type: WidthType.DXA },
    });
  const tick = (on: boolean) => new SymbolRun({ char: on ? 'F0FE' : 'F0A8', symbolfont: 'Wingdings' });
  const row = (...cells: TableCell[]) => new TableRow({ children: cells });
  const rows = [
    row(cell([text('姓名')]), cell([text('林晓')]), cell([text('性别')]), cell([text('男')]), cell([text('手机号码')]), cell([text('13912345678')])),
    row(cell([text('政治面貌')]), cell([text('中共党员')]), cell([text('学历')]), cell([text('大专')]), cell([text('职务')]), cell([text('班组长')])),
    row(
      cell([text('身份证')]),
      cell([text(ID_LIN)], { span: 2 }),
      cell([text('是否曾获劳模称号')]),
      cell([new Paragraph({ children: [new CheckBox({ checked: false }), new TextRun('全国劳模 '), new CheckBox({ checked: true }), new TextRun('上海市劳模 '), new CheckBox({ checked: false }), new TextRun('否')] })], { span: 2 }),
    ),
    row(
      cell([text('户籍属性')]),
      cell([new Paragraph({ children: [tick(false), new TextRun('农业户口 '), tick(true), new TextRun('非农业户口')] })], { span: 2 }),
      cell([text('是否外来务工人员')]),
      cell([new Paragraph({ children: [tick(false), new TextRun('是 '), tick(true), new TextRun('否')] })], { span: 2 }),
    ),
    row(cell([text('技能等级')]), cell([new Paragraph({ children: [new TextRun('高级技师'), tick(true), new TextRun(' 技师 高级工')] })], { span: 5 })),
    row(cell([text('引领力')], { vMerge: 'restart' }), cell([new Paragraph({ children: [tick(true), new TextRun(' 勇挑重担：承担攻关任务')] })], { span: 5 })),
    row(cell([], { vMerge: 'continue' }), cell([new Paragraph({ children: [tick(false), new TextRun(' 追求卓越：')] })], { span: 5 })),
    row(cell([], { vMerge: 'continue' }), cell([new Paragraph({ children: [tick(true), new TextRun(' 示范带动：带徒5名')] })], { span: 5 })),
    row(cell([text('对“工匠精神”的理解（100字以内）')]), cell([text('精益求精。'), text('追求卓越。')], { span: 5 })),
  ];
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun('第三届（2025年度）“上海质量工匠”申报推荐表')] }),
          new Paragraph({ children: [new TextRun('推荐单位：上海市某某区质量技术监督协会')] }),
          new Table({ rows, columnWidths: [W, W, W, W, W, W] }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}

test('a form filled in Word: check-box controls, Wingdings ticks before or after, a force label merged down', async () => {
  const { grid } = await readDocxGrid(await filledInWord(), '林晓.docx');
  expect(grid.merges).toEqual(expect.arrayContaining([{ top: 7, left: 0, bottom: 9, right: 0 }]));
  const v = asText(readForm(grid, applicationForm(builtinProfile('sqc-2025')!)).values);
  expect(v).toMatchObject({
    recommender: '上海市某某区质量技术监督协会',
    name: '林晓',
    residentId: ID_LIN,
    modelWorker: '上海市劳模',
    hukou: '非农业户口',
    migrant: '否',
    skillLevel: '高级技师',
    lead1: '承担攻关任务',
    lead2: null,
    lead3: '带徒5名',
    spirit: '精益求精。\n追求卓越。',
  });
});

test('legacy check-box fields, tracked deletions, field codes and tab stops are read as Word shows them', () => {
  const W = (s: string) => `<w:document xmlns:w="w"><w:body>${s}</w:body></w:document>`;
  const box = (on: boolean) =>
    `<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:checkBox><w:sizeAuto/><w:default w:val="${on ? 1 : 0}"/></w:checkBox></w:ffData></w:fldChar></w:r><w:r><w:instrText> FORMCHECKBOX </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>`;
  const xml = W(
    `<w:tbl><w:tr><w:tc><w:p><w:r><w:t>户籍属性</w:t></w:r></w:p></w:tc><w:tc><w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>${box(false)}<w:r><w:t>农业户口</w:t></w:r>${box(true)}<w:r><w:t xml:space="preserve">非农业</w:t></w:r><w:del><w:r><w:delText>城镇</w:delText></w:r></w:del><w:r><w:t>户口</w:t></w:r></w:p></w:tc></w:tr></w:tbl>`,
  );
  const { grid } = documentGrid(xml, 'x.docx');
  expect(grid.rows).toEqual([['户籍属性', '□农业户口☑非农业户口']]);
});

describe('files that are not usable forms say why', () => {
  const code = async (bytes: Uint8Array) => {
    try {
      await readDocxGrid(bytes, 'x.docx');
    } catch (e) {
      return (e as DocxReadError).code;
    }
    return 'read';
  };
  test('old .doc, not a document, cut short, no table, a document type declaration', async () => {
    expect(await code(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).toBe('legacy-doc');
    expect(await code(new TextEncoder().encode('姓名,性别\n'))).toBe('not-docx');
    expect(await code(new Uint8Array(0))).toBe('empty');
    const form = await wordForm('sqc-2025', nomineesOf('sqc-2025', 1)[0]);
    expect(await code(form.slice(0, form.length >> 1))).toBe('truncated');
    const letter = new Uint8Array(await Packer.toArrayBuffer(new Document({ sections: [{ children: [new Paragraph('推荐信')] }] })));
    expect(await code(letter)).toBe('no-table');
    const zip = await JSZip.loadAsync(form);
    const xml = await zip.file('word/document.xml')!.async('string');
    zip.file('word/document.xml', xml.replace('?>', '?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa">]>'));
    expect(await code(await zip.generateAsync({ type: 'uint8array' }))).toBe('truncated');
  });
});

test('the XML reader: > inside an attribute value, CDATA, comments and processing instructions', () => {
  const seen: string[] = [];
  readXml('<?xml version="1.0"?><!-- x > y --><a b="1 > 0" c=\'q"\'><![CDATA[<b>&]]>t&amp;<e/></a>', (t) => {
    seen.push(t.kind === 'open' ? `<${t.name}${t.attrs}${t.selfClosing ? '/' : ''}>` : t.kind === 'close' ? `</${t.name}>` : `"${t.text}"`);
  });
  expect(seen).toEqual(['<a b="1 > 0" c=\'q"\'>', '"&lt;b>&amp;"', '"t&amp;"', '<e/>', '</a>']);
});
