/** One pane, three hosts: WPS's globals → the WPS host; Office's signals → Office; neither → the standalone page. */
import { parsePageParams, wpsSignalsPresent } from '../../../src/taskpane/mode';

describe('host detection at start-up', () => {
  it('is WPS when the page has WPS’s Application and wps objects', () => {
    expect(wpsSignalsPresent({ application: true, addinRoot: true })).toBe(true);
    expect(parsePageParams('file:///C:/Users/x/AppData/Roaming/kingsoft/wps/jsaddons/jiangxuan_0.1.0/taskpane.html', {}, { application: true, addinRoot: true }).mode).toBe('wps');
  });

  it('is not WPS with only one of them (an ordinary page that happens to define Application)', () => {
    expect(wpsSignalsPresent({ application: true })).toBe(false);
    expect(wpsSignalsPresent({ addinRoot: true })).toBe(false);
    expect(parsePageParams('http://127.0.0.1:3000/taskpane.html', {}, { application: true }).mode).toBe('standalone');
  });

  it('keeps Office and the standalone page as they were', () => {
    expect(parsePageParams('https://localhost:3000/taskpane.html?_host_Info=Excel$Win32$16.01$zh-CN$$$$0').mode).toBe('office');
    expect(parsePageParams('http://127.0.0.1:3000/taskpane.html').mode).toBe('standalone');
    expect(parsePageParams('http://127.0.0.1:3000/taskpane.html', {}, {}).mode).toBe('standalone');
  });
});
