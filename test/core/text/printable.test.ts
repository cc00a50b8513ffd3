/**
 * Terminal safety of text that comes from a user's file (issue 10): control characters that could drive a terminal
 * or reorder what is read are shown as escapes; everything else is left exactly as it was.
 */
import { escapeControls } from '../../../src/core/text/printable';

describe('escapeControls', () => {
  test('ESC sequences, carriage return, DEL, C1 controls (CSI U+009B, NEL) and bidi overrides are escaped', () => {
    expect(escapeControls('林晓\x1b[2J\x1b]0;title\x07')).toBe('林晓\\x1b[2J\\x1b]0;title\\x07');
    expect(escapeControls('正确\r错误')).toBe('正确\\x0d错误');
    expect(escapeControls('a\x7fb\x9b31mc\x85d')).toBe('a\\x7fb\\x9b31mc\\x85d');
    expect(escapeControls('申报\u202egpj.exe\u2066x\u2069\u200f\u061c')).toBe('申报\\u202egpj.exe\\u2066x\\u2069\\u200f\\u061c');
    expect(escapeControls('行\u2028分隔\u2029')).toBe('行\\u2028分隔\\u2029');
  });

  test('a newline inside a value cannot forge a line; whole reports keep their own lines', () => {
    expect(escapeControls('张三\n✗ 错误 伪造的一行')).toBe('张三\\x0a✗ 错误 伪造的一行');
    expect(escapeControls('第一行\n第二行\x1b[31m', { keepNewlines: true })).toBe('第一行\n第二行\\x1b[31m');
  });

  test('Chinese, full-width forms, emoji, tabs and ordinary punctuation are untouched (and no copy is made)', () => {
    const s = '第三届（2025年度）“上海质量工匠”\t培养选树 ① ＡＢＣ 👷 \\x1b as typed';
    expect(escapeControls(s)).toBe(s);
  });

  test('JSON style: \\u escapes only, so the JSON stays valid and parses back to the same string', () => {
    const value = { name: '申报\x9b信息\u202e', file: 'a\x1bb' };
    const text = escapeControls(JSON.stringify(value), { style: 'json' });
    expect(text).not.toMatch(/[\x1b\x9b\u202e]/);
    expect(text).toContain('\\u009b');
    expect(JSON.parse(text)).toEqual(value);
  });
});
