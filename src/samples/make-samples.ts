/**
 * Writes the sample workbooks and samples/README.md (`npm run samples`). For each selection programme:
 * <id>-正确.xlsx (no errors, no warnings at the programme's date) and <id>-有问题.xlsx (typical mistakes).
 * After writing, each file is read back and validated, and a one-line summary per file is printed.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { readWorkbookBuffer } from '../adapters/exceljs/read-workbook';
import { validateWorkbook } from '../core/rules/validate-workbook';
import { buildAllSamples, samplesReadme } from './sample-set';

/** samples/ at the project root (this file runs from dist/samples/ or src/samples/). */
export const SAMPLES_DIR = resolve(__dirname, '..', '..', 'samples');

async function main(): Promise<number> {
  await mkdir(SAMPLES_DIR, { recursive: true });
  const samples = await buildAllSamples();
  let problems = 0;
  for (const s of samples) {
    await writeFile(join(SAMPLES_DIR, s.fileName), s.bytes);
    const grid = await readWorkbookBuffer(s.bytes);
    const result = validateWorkbook(grid, s.profile, { asOf: s.programme.asOf });
    const found = new Set(result.findings.map((f) => `${f.rule}@${f.sheet}!${f.cell}`));
    const missed = s.planted.filter((p) => !found.has(`${p.rule}@${p.sheet}!${p.cell}`));
    const flagged = s.tolerated.filter((t) => result.findings.some((f) => f.sheet === t.sheet && f.cell === t.cell));
    const c = result.counts;
    let note = '';
    if (s.variant === '正确' && c.error + c.warning + c.info > 0) note = '  ← 正确版不应有任何问题';
    if (missed.length) note += `  ← 未检出：${missed.map((m) => `${m.rule}@${m.cell}`).join(', ')}`;
    if (flagged.length) note += `  ← 误报：${flagged.map((t) => t.cell).join(', ')}`;
    if (note) problems++;
    process.stdout.write(
      `${s.fileName.padEnd(28)} ${String(result.nominees).padStart(2)} 人  错误 ${c.error}  警告 ${c.warning}  提示 ${c.info}` +
        (s.variant === '有问题' ? `  （埋入 ${s.planted.length} 处）` : '') +
        note +
        '\n',
    );
  }
  await writeFile(join(SAMPLES_DIR, 'README.md'), samplesReadme(samples));
  process.stdout.write(`已写入 ${samples.length} 个文件和 README.md 到 ${SAMPLES_DIR}\n`);
  if (problems) process.stdout.write(`注意：${problems} 个文件的校验结果与预期不符（见上），可能是校验核心的问题。\n`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`生成示例失败：${e instanceof Error ? e.stack : String(e)}\n`);
    process.exitCode = 1;
  },
);
