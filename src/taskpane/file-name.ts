/** Names of downloaded files. Pure. */

/** "推荐表.xlsx" → "推荐表-标注.xlsx" (the same name `jiangxuan validate --out` users are told to use). */
export function annotatedFileName(original: string): string {
  const base = (original.split(/[\\/]/).pop() ?? '').replace(/\.(xlsx|xlsm|xltx|xls)$/i, '').trim() || '工作簿';
  return `${base}-标注.xlsx`;
}

/** The file name without its folder, for messages. */
export function displayFileName(name: string): string {
  return name.split(/[\\/]/).pop() ?? name;
}
