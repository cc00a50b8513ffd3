/** Matching typed values against a field's options ("上海劳模" → 上海市劳模, "√" → 是, "高級技師" → 高级技师). */
import { FieldSpec } from '../profiles/schema';
import { optionKey } from '../text/normalize';

const SEX_ALIASES: Record<string, string> = { 男性: '男', 女性: '女', m: '男', f: '女', male: '男', female: '女' };
/** Separators between ticked options, half and full width ("全国劳模／上海市劳模", "全国劳模＋全国五一"). */
const MULTI_SPLIT = /[、,，;；/／|｜+＋&＆\s\u3000和及]+/;

const tables = new WeakMap<FieldSpec, Map<string, string>>();
const keyCache = new Map<string, string>();

function cachedKey(s: string): string {
  let k = keyCache.get(s);
  if (k === undefined) {
    k = optionKey(s);
    if (keyCache.size < 50000) keyCache.set(s, k);
  }
  return k;
}

function optionTable(field: FieldSpec): Map<string, string> {
  let t = tables.get(field);
  if (!t) {
    t = new Map();
    const options = field.type === 'sex' ? ['男', '女'] : field.options ?? [];
    for (const o of options) t.set(optionKey(o), o);
    const aliases = field.type === 'sex' ? SEX_ALIASES : field.optionAliases ?? {};
    for (const [alias, target] of Object.entries(aliases)) if (options.includes(target)) t.set(optionKey(alias), target);
    tables.set(field, t);
  }
  return t;
}

/** The option a single typed value means, or undefined. */
export function matchOption(field: FieldSpec, text: string): string | undefined {
  const t = optionTable(field);
  const k = cachedKey(text);
  // A ticked box copied from the form: "☑高级技师" / "■是".
  return t.get(k) ?? t.get(k.replace(/^[☑☒■✓✔√□]+/, ''));
}

/** For multiEnum: each part of "全国劳模、上海市劳模" matched; unknown parts listed. */
export function matchOptions(field: FieldSpec, text: string): { values: string[]; unknown: string[] } {
  const whole = matchOption(field, text);
  if (whole) return { values: [whole], unknown: [] };
  const values: string[] = [];
  const unknown: string[] = [];
  for (const part of text.split(MULTI_SPLIT)) {
    if (!part) continue;
    const v = matchOption(field, part);
    if (v) {
      if (!values.includes(v)) values.push(v);
    } else unknown.push(part);
  }
  return { values, unknown };
}

/** The options a field offers (男 / 女 for sex). */
export function fieldOptions(field: FieldSpec): string[] {
  return field.type === 'sex' ? ['男', '女'] : field.options ?? [];
}
