/**
 * `jiangxuan` command line. Exit codes: 0 no errors, 1 errors found, 2 unusable input (one line on stderr).
 * The input workbook is only ever read; --out writes a separate annotated copy.
 * Start-up is kept light: a command's code is loaded only when it runs (register-commands.ts).
 */
import { Command, CommanderError } from 'commander';
import { registerCultivation, registerForms, registerPrograms, registerScoring, registerValidate } from './register-commands';
import { CliFailure, EXIT_UNUSABLE } from './cli-failure';
import { endQuietlyOnBrokenPipe, writeErrorLine } from './cli-output';

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
