/**
 * The keys recognition and detection compare: the shortcuts taken for speed give what the full folding gives.
 */
import { fold, headerKey, simplify, titleKey } from '../../../src/core/text/normalize';

const PINYIN_GLOSS = /\((?:[a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹ]{1,8})\)/g;
const WHITESPACE = /[\s\u00a0\u3000\u200b\ufeff]+/g;
const fullFold = (s: string) => simplify(s.normalize('NFKC').replace(PINYIN_GLOSS, '')).replace(WHITESPACE, '');

describe('fold', () => {
  test.each(['13812345678', '310101198503071234', 'a.b@example.com', 'Zhang  San\t(zhi)', '(abc)x', 'A B\u00a0C', '質(zhì)量 工匠', '１２３ＡＢＣ', '上海市 質量協會'])(
    'the ASCII shortcut and the full folding agree: %j',
    (s) => {
      expect(fold(s)).toBe(fullFold(s));
    },
  );

  test('Traditional, full-width and spaced text is folded', () => {
    expect(fold('上海市 質量協會')).toBe('上海市质量协会');
    expect(fold('１２３')).toBe('123');
  });
});

describe('remembered keys', () => {
  test('a key asked for again is the same key, also after many other texts have filled the cache', () => {
    const first = [titleKey('第三届（2025年度）“上海質量工匠”推荐汇总表'), headerKey('姓 名（必填）')];
    for (let i = 0; i < 25000; i++) {
      titleKey(`单位${i}`);
      headerKey(`栏目${i}`);
    }
    expect([titleKey('第三届（2025年度）“上海質量工匠”推荐汇总表'), headerKey('姓 名（必填）')]).toEqual(first);
    expect(first[1]).toBe('姓名');
  });
});
