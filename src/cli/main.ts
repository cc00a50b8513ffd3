/**
 * `jiangxuan` command line. Exit codes: 0 no errors, 1 errors found, 2 unusable input (one line on stderr).
 * The input workbook is only ever read; --out writes a separate annotated copy.
 */
import { Command, CommanderError, Option } from 'commander';
import { runPrograms } from './programs-command';
import { runValidate } from './validate-command';
import { registerScoring } from './scoring-commands';
import { registerCultivation } from './cultivation-commands';
import { registerForms } from './forms-commands';
import { CliFailure, EXIT_UNUSABLE, SetRun } from './cli-failure';
import { endQuietlyOnBrokenPipe, writeErrorLine } from './cli-output';

function registerValidate(program: Command, setRun: SetRun): void {
  program
    .command('validate')
    .description('校验推荐汇总表和申报信息 / check a nomination workbook')
    .argument('<file>', '工作簿：.xlsx、.xls、WPS .et、.ods、.csv/.txt，或网上平台导出的 .xls 网页表格')
    .option('--program <id>', '项目配置 id（默认从表格标题识别），见 jiangxuan programs')
    .option('--profile <file>', '自定义项目配置 JSON 文件（如新一年度的通知）')
    .option('--as-of <date>', '按此日期计算年龄和荣誉年限，YYYY-MM-DD（默认今天，但不晚于截止日期）')
    .addOption(new Option('--format <format>', '输出格式').choices(['text', 'json']).default('text'))
    .option('--out <file>', '另存一份标注版 .xlsx 工作簿（问题单元格着色并加批注，附“校验结果”表；其他格式的输入也另存为 .xlsx）')
    .option('--force', '--out 文件已存在时覆盖')
    .addOption(new Option('--lang <lang>', '语言').choices(['zh', 'en']).default('zh'))
    .action((file: string, opts) => {
      setRun(runValidate(file, opts));
    });
}

function registerPrograms(program: Command, setRun: SetRun): void {
  program
    .command('programs')
    .description('列出内置项目配置及截止日期 / list the built-in programmes')
    .addOption(new Option('--lang <lang>', '语言').choices(['zh', 'en']).default('zh'))
    .option('--format <format>', 'text 或 json', 'text')
    .action((opts) => {
      setRun(Promise.resolve(runPrograms(opts)));
    });
}

function main(argv: string[]): Promise<number> {
  const program = new Command('jiangxuan')
    .description('匠选：工匠培养选树推荐材料校验 / checks craftsman nomination workbooks')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) })
    .showHelpAfterError('（用 jiangxuan --help 查看用法）');
  let run: Promise<number> = Promise.resolve(0);

  // Each command registers itself and sets `run` when chosen; add new commands to this list.
  const setRun = (p: Promise<number>) => {
    run = p;
  };
  registerValidate(program, setRun);
  registerPrograms(program, setRun);
  registerScoring(program, setRun);
  registerCultivation(program, setRun);
  registerForms(program, setRun);

  try {
    program.parse(argv);
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version are not failures; bad usage is "unusable input".
      return Promise.resolve(e.exitCode === 0 || e.code === 'commander.helpDisplayed' || e.code === 'commander.version' ? 0 : EXIT_UNUSABLE);
    }
    throw e;
  }
  return run;
}

/** The one line for a failure nobody foresaw: never a stack trace for users (JIANGXUAN_DEBUG=1 shows it). */
function internalError(e: unknown): void {
  const msg = e instanceof Error ? e.message : String(e);
  writeErrorLine(`匠选内部错误：${msg}（请把命令和文件反馈给维护人员；设置 JIANGXUAN_DEBUG=1 可看详细信息）`);
  if (process.env.JIANGXUAN_DEBUG) process.stderr.write(String(e instanceof Error ? e.stack : e) + '\n');
  process.exitCode = EXIT_UNUSABLE;
}

endQuietlyOnBrokenPipe();
// Libraries (exceljs) print English warnings with console.warn; stderr carries only Jiangxuan's own lines.
if (!process.env.JIANGXUAN_DEBUG) {
  console.warn = () => undefined;
  console.log = () => undefined;
}
// Errors thrown outside the command's promise (a library's stream callback) still end as one line.
process.on('uncaughtException', (e) => {
  internalError(e);
  process.exit();
});

main(process.argv)
  .then((code) => {
    process.exitCode = code;
  })
  .catch((e: unknown) => {
    if (e instanceof CliFailure) {
      writeErrorLine(e.message);
      for (const line of e.details) writeErrorLine(line);
      process.exitCode = e.exitCode;
      return;
    }
    internalError(e);
  });
