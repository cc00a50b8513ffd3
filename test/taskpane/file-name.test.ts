import { annotatedFileName, displayFileName } from '../../src/taskpane/file-name';

describe('file names', () => {
  it('names the annotated copy <原文件名>-标注.xlsx', () => {
    expect(annotatedFileName('推荐汇总表.xlsx')).toBe('推荐汇总表-标注.xlsx');
    expect(annotatedFileName('C:\\fakepath\\sqc-2025.XLSX')).toBe('sqc-2025-标注.xlsx');
    expect(annotatedFileName('名单')).toBe('名单-标注.xlsx');
    expect(annotatedFileName('.xlsx')).toBe('工作簿-标注.xlsx');
    expect(displayFileName('a/b/c.xlsx')).toBe('c.xlsx');
  });

  it('names the copy of any other format .xlsx too (the copy is always an .xlsx workbook)', () => {
    expect(annotatedFileName('推荐汇总表.xls')).toBe('推荐汇总表-标注.xlsx');
    expect(annotatedFileName('申报信息.csv')).toBe('申报信息-标注.xlsx');
    expect(annotatedFileName('名单.ods')).toBe('名单-标注.xlsx');
    expect(annotatedFileName('名单.et')).toBe('名单-标注.xlsx');
    expect(annotatedFileName('导出.TXT')).toBe('导出-标注.xlsx');
  });
});
