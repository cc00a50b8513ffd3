/** Clicking a finding in the pane selects its cell in WPS (its sheet activated first); hidden sheets are left alone. */
import { WpsHost } from '../../../src/taskpane/hosts/wps-host';
import { isHostError } from '../../../src/taskpane/hosts/workbook-host';
import { FakeWorkbook } from './fake-et';
import { finding } from './helpers';

describe('WpsHost.reveal', () => {
  it('activates the finding’s sheet and selects its cell', async () => {
    const wb = new FakeWorkbook();
    wb.addSheet('推荐汇总表', [['序号', '姓名']]);
    wb.addSheet('申报信息', [['姓名', '身份证号码'], ['张三', '3101']]);
    const host = new WpsHost(wb.app());
    await host.reveal(finding('申报信息', 'B2'));
    expect(wb.active?.name).toBe('申报信息');
    expect(wb.selection).toEqual({ sheet: '申报信息', address: 'B2' });
  });

  it('does nothing on a hidden sheet (WPS cannot show it) and reports a closed workbook in words', async () => {
    const wb = new FakeWorkbook();
    wb.addSheet('推荐汇总表', [['序号']]);
    wb.addSheet('隐藏', [['x']]).visible = 0;
    await new WpsHost(wb.app()).reveal(finding('隐藏', 'A1'));
    expect(wb.active?.name).toBe('推荐汇总表');
    expect(wb.selection).toBeUndefined();

    const none = new FakeWorkbook();
    const e = await new WpsHost(none.app()).check({ lang: 'zh' }).catch((x: unknown) => x);
    expect(isHostError(e) && e.localized.zh).toBe('请先在 WPS 表格中打开要校验的工作簿。');
  });
});
