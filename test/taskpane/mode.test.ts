import { isDarkColour, langFromLocale, officeSignalsPresent, openedByOffice, parsePageParams } from '../../src/taskpane/mode';

describe('page mode', () => {
  it('is Office only when the URL carries _host_Info', () => {
    expect(openedByOffice('https://localhost:3000/taskpane.html?_host_Info=Excel$Win32$16.01$zh-CN$$$$0')).toBe(true);
    expect(openedByOffice('https://localhost:3000/taskpane.html#_host_Info=Excel|Web|16.00|en-US')).toBe(true);
    expect(openedByOffice('http://127.0.0.1:3000/taskpane.html')).toBe(false);
    expect(openedByOffice('http://127.0.0.1:3000/taskpane.html?lang=en')).toBe(false);
    expect(parsePageParams('https://x/taskpane.html?_host_Info=Excel').mode).toBe('office');
    expect(parsePageParams('http://127.0.0.1:3000/taskpane.html').mode).toBe('standalone');
  });

  it('also recognises the other ways office.js finds its host', () => {
    expect(officeSignalsPresent({})).toBe(false);
    expect(officeSignalsPresent({ hostInfoFunction: true })).toBe(true);
    expect(officeSignalsPresent({ sessionHostInfo: 'Excel|Web|16.00|zh-CN' })).toBe(true);
    expect(officeSignalsPresent({ sessionHostInfo: null, windowName: '{"hostInfo":"Excel$Mac$16.00$zh-CN"}' })).toBe(true);
    expect(officeSignalsPresent({ windowName: 'hostInfo but not JSON' })).toBe(false);
    expect(officeSignalsPresent({ windowName: '' })).toBe(false);
    expect(parsePageParams('http://127.0.0.1:3000/taskpane.html', { hostInfoFunction: true }).mode).toBe('office');
  });

  it('reads lang, theme, asOf and sample from the query', () => {
    const p = parsePageParams('http://127.0.0.1:3000/taskpane.html?lang=en-US&theme=dark&asOf=2025-03-01&sample=0');
    expect(p).toEqual({ mode: 'standalone', lang: 'en', theme: 'dark', asOf: '2025-03-01', autoSample: false });
    const q = parsePageParams('http://127.0.0.1:3000/taskpane.html?lang=zh&theme=light');
    expect(q.lang).toBe('zh');
    expect(q.theme).toBe('light');
    expect(q.autoSample).toBe(true);
  });

  it('ignores invalid values', () => {
    const p = parsePageParams('http://127.0.0.1:3000/taskpane.html?lang=fr&theme=blue&asOf=2025-02-30');
    expect(p.lang).toBeUndefined();
    expect(p.theme).toBeUndefined();
    expect(p.asOf).toBeUndefined();
    expect(parsePageParams('not a url?asOf=2025-3-1').asOf).toBeUndefined();
  });

  it('maps locales to the UI language: English for en*, Chinese otherwise', () => {
    expect(langFromLocale('en-US')).toBe('en');
    expect(langFromLocale('EN')).toBe('en');
    expect(langFromLocale('en_GB')).toBe('en');
    expect(langFromLocale('zh-CN')).toBe('zh');
    expect(langFromLocale('zh-TW')).toBe('zh');
    expect(langFromLocale('fr-FR')).toBe('zh');
    expect(langFromLocale('eng')).toBe('zh');
    expect(langFromLocale(undefined)).toBe('zh');
  });

  it('tells dark Office theme colours from light ones', () => {
    expect(isDarkColour('#FFFFFF')).toBe(false);
    expect(isDarkColour('#e6e6e6')).toBe(false);
    expect(isDarkColour('#262626')).toBe(true);
    expect(isDarkColour('#444')).toBe(true);
    expect(isDarkColour('rgb(31, 31, 31)')).toBe(true);
    expect(isDarkColour('')).toBe(false);
    expect(isDarkColour('transparent')).toBe(false);
  });
});
