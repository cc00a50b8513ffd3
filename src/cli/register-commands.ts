/**
 * The commands as commander knows them: names, options, help. Only this file, commander and cli-failure are
 * loaded before a command is chosen; each command's code (and exceljs, SheetJS, the profiles) is required when
 * the command runs, so that `jiangxuan --help` and `jiangxuan programs` answer at once (bench/cli-bench.js).
 * Keep heavy imports out of this file: test/cli/startup.test.ts checks that exceljs is not loaded for them.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- require on demand is the point of this file */
import { Command, Option } from 'commander';
import type { ConsolidateCliOptions, FinalizeCliOptions, ScoresheetsCliOptions } from './scoring-commands';
import type { CultivationCliOptions } from './cultivation-commands';
import type { ValidateCliOptions } from './validate-many';
import type { FormsCliOptions } from './forms-commands';
import { CliFailure, SetRun } from './cli-failure';

// Typed on-demand loading: tsc keeps these as plain require() calls, run only inside an action.
const load = {
  validate: (): typeof import('./validate-many') => require('./validate-many'),
  programs: (): typeof import('./programs-command') => require('./programs-command'),
  scoring: (): typeof import('./scoring-commands') => require('./scoring-commands'),
  cultivation: (): typeof import('./cultivation-commands') => require('./cultivation-commands'),
  forms: (): typeof import('./forms-commands') => require('./forms-commands'),
};

/** Runs a command's code once it is loaded; a failure while loading ends like any other failure. */
function later(setRun: SetRun, run: () => Promise<number> | number): void {
  setRun(Promise.resolve().then(run));
}

export function registerValidate(program: Command, setRun: SetRun): void {
  program
    .command('validate')
    .description('校验推荐汇总表和申报信息（可一次校验多个文件或整个文件夹）/ check nomination workbooks, one or many')
    .argument('<files...>', '工作簿或文件夹：.xlsx、.xls、WPS .et、.ods、.csv/.txt，或网上平台导出的 .xls 网页表格；文件夹中的表格全部校验')
    .option('--program <id>', '项目配置 id（默认从表格标题识别），见 jiangxuan programs')
    .option('--profile <file>', '自定义项目配置 JSON 文件（如新一年度的通知）')
    .option('--as-of <date>', '按此日期计算年龄和荣誉年限，YYYY-MM-DD（默认今天，但不晚于截止日期）')
    .addOption(new Option('--format <format>', '输出格式（多个文件时 JSON 是每个文件一项的数组）').choices(['text', 'json']).default('text'))
    .option('--out <file|dir>', '另存标注版 .xlsx（问题单元格着色并加批注，附“校验结果”表）；多个文件时是文件夹，每个文件一份标注版')
    .option('--force', '--out 文件已存在时覆盖')
    .addOption(new Option('--lang <lang>', '语言').choices(['zh', 'en']).default('zh'))
    .action((files: string[], opts: ValidateCliOptions) => {
      later(setRun, () => load.validate().runValidateMany(files, opts));
    });
}

export function registerPrograms(program: Command, setRun: SetRun): void {
  program
    .command('programs')
    .description('列出内置项目配置及截止日期 / list the built-in programmes')
    .addOption(new Option('--lang <lang>', '语言').choices(['zh', 'en']).default('zh'))
    .option('--format <format>', 'text 或 json', 'text')
    .action((opts) => {
      later(setRun, () => load.programs().runPrograms(opts));
    });
}

export function registerScoring(program: Command, setRun: SetRun): void {
  program
    .command('scoresheets')
    .description('生成专家评分表（每位专家一份）/ generate expert score sheets')
    .option('--program <id>', '项目配置 id，见 jiangxuan programs')
    .option('--profile <file>', '自定义项目配置 JSON 文件（可含评分标准 rubric）')
    .requiredOption('--candidates <file>', '候选人：推荐汇总表或申报信息表（.xlsx、.xls、.et、.ods 或 .csv）')
    .requiredOption('--experts <file>', '专家名单：姓名、单位，可选组别、邮箱（.xlsx、.xls、.et、.ods 或 .csv）')
    .requiredOption('--out <dir>', '输出文件夹')
    .option('--round <name>', '评审轮次（默认第一轮，如 书面初评）')
    .option('--blind', '盲评：评分表中不出现候选人姓名和单位')
    .option('--group-by <column>', '按此列（如 组别）把候选人分给同组专家；汇总时分组排名、分组划线')
    .option('--ballot', '名次投票（会审答辩）：专家为候选人排出名次，按 Borda 计数汇总')
    .option('--force', '覆盖输出文件夹中的同名文件')
    .action((opts: ScoresheetsCliOptions) => {
      later(setRun, () => load.scoring().runScoresheets(opts));
    });

  program
    .command('consolidate')
    .description('汇总专家交回的评分表，计算排名 / consolidate returned score sheets')
    .argument('<paths...>', '评分表文件或文件夹（.xlsx，或 WPS、LibreOffice 另存的 .xls/.et/.ods；可包含评分安排文件）')
    .option('--program <id>', '项目配置 id')
    .option('--profile <file>', '自定义项目配置 JSON 文件')
    .requiredOption('--out <file>', '结果工作簿 .xlsx')
    .addOption(new Option('--format <format>', '输出格式').choices(['text', 'json']).default('text'))
    .option('--trim <n>', '去极值：最高、最低各去掉 n 个（评分不少于 2n+3 份时；默认 1，名次投票默认 0）')
    .option('--top <n>', '前 n 名标为“候选人建议名单”（分组时每组前 n 名）')
    .option('--round <name>', '要汇总的轮次（文件来自多个轮次时必填）')
    .option('--no-key', '没有评分安排文件时仍然汇总：无法核实评分表的来源，结果中处处注明“来源未核实”')
    .option('--force', '--out 文件已存在时覆盖（如重新汇总）')
    .addOption(new Option('--lang <lang>', '语言').choices(['zh', 'en']).default('zh'))
    .action((paths: string[], opts: ConsolidateCliOptions) => {
      later(setRun, () => load.scoring().runConsolidate(paths, opts));
    });

  program
    .command('finalize')
    .description('定稿：把结果工作簿另存为固定数值、加保护、带内容校验码的副本 / write a frozen, protected final copy')
    .argument('<result.xlsx>', '结果工作簿（--check 时为定稿副本）')
    .option('--out <file>', '定稿副本的文件名（默认 原文件名-定稿.xlsx）')
    .option('--check', '核对定稿副本的内容校验码，不写任何文件')
    .option('--force', '覆盖已有的同名文件')
    .action((file: string, opts: FinalizeCliOptions) => {
      later(setRun, () => load.scoring().runFinalize(file, opts));
    });
}

export function registerCultivation(program: Command, setRun: SetRun): void {
  const profileOptions = (c: Command) =>
    c
      .option('--program <id>', '培育项目配置 id（默认 sqc-cultivation-2026），见 jiangxuan programs')
      .option('--profile <file>', '自定义培育项目配置 JSON 文件')
      .option('--as-of <date>', '仪表盘的统计日期，YYYY-MM-DD（默认：打开时的当天）')
      .option('--out <file>', '要生成的 .xlsx 文件（不会改写任何输入文件）')
      .option('--force', '--out 文件已存在时覆盖');
  const cultivation = program
    .command('cultivation')
    .description('生成培育跟踪工作簿（培育对象清单、计划、档案、考核、退出、助企行统计、仪表盘）/ create a cultivation tracking workbook')
    .option('--trainees <file>', '培育对象名单（.xlsx、.xls、.et、.ods 或 .csv：推荐汇总表、申报信息表或培育对象清单）；不给则生成空白工作簿')
    .option('--year <year>', '培育年度（默认为项目配置的年度）')
    .option('--start <date>', '培育开始日期，YYYY-MM-DD（默认该年度1月1日；结束日期为开始日期加培育期）');
  profileOptions(cultivation).action((opts: CultivationCliOptions) => {
    later(setRun, () => load.cultivation().runCultivation(opts));
  });
  const rollover = cultivation
    .command('rollover')
    .description('年度结转：状态为“继续培育”的培育对象连同培育档案和考核记录转入新年度工作簿 / carry trainees into next year')
    .argument('<file>', '已填写的培育跟踪工作簿 .xlsx')
    .addOption(new Option('--year <year>', '新的培育年度，如 2027'));
  profileOptions(rollover).action((file: string, opts: CultivationCliOptions) => {
    // The parent's options are parsed before the subcommand's: "cultivation rollover f --year 2027" leaves
    // --year with `cultivation`, so both are read.
    const merged: CultivationCliOptions = { ...cultivation.opts<CultivationCliOptions>(), ...opts };
    if (merged.trainees || merged.start) {
      setRun(Promise.reject(new CliFailure('结转不需要 --trainees 或 --start：培育对象来自原工作簿中状态为“继续培育”的人员，新培育期从原培育期结束日起')));
      return;
    }
    later(setRun, () => load.cultivation().runRollover(file, merged));
  });
}

function formsOptions(c: Command): Command {
  return c
    .option('--program <id>', '项目配置 id（默认从标题识别），见 jiangxuan programs')
    .option('--profile <file>', '自定义项目配置 JSON 文件')
    .option('--as-of <date>', '按此日期计算年龄和荣誉年限，YYYY-MM-DD')
    .option('--unit <name>', '推荐单位（汇总表落款）；默认取申报表中的推荐单位')
    .option('--contact <name>', '联系人（汇总表落款）')
    .option('--phone <phone>', '联系电话（汇总表落款）')
    .option('--email <email>', '邮箱（汇总表落款）')
    .addOption(new Option('--lang <lang>', '语言').choices(['zh', 'en']).default('zh'));
}

export function registerForms(program: Command, setRun: SetRun): void {
  const forms = program.command('forms').description('申报表：读取 Word 申报表，打印申报表 / read and print the application forms');
  formsOptions(
    forms
      .command('read')
      .description('读取 Word 申报表（或按申报表样式填写的工作表），生成并校验申报信息工作簿 / read forms into a checked workbook')
      .argument('<inputs...>', '.docx / .xlsx 文件或文件夹')
      .option('--out <file>', '要生成的工作簿 .xlsx（推荐汇总表、申报信息、统计表）')
      .addOption(new Option('--format <format>', '输出格式').choices(['text', 'json']).default('text'))
      .option('--force', '--out 文件已存在时覆盖'),
  ).action((inputs: string[], opts: FormsCliOptions) => later(setRun, () => load.forms().runFormsRead(inputs, opts)));
  formsOptions(
    forms
      .command('write')
      .description('从申报信息生成每人一份 Word 申报表（通知样式）、推荐汇总表和统计表 / print the forms')
      .argument('<inputs...>', '申报信息工作簿 .xlsx（或 Word 申报表、文件夹）')
      .option('--out <folder>', '输出文件夹')
      .option('--force', '覆盖文件夹中的同名文件'),
  ).action((inputs: string[], opts: FormsCliOptions) => later(setRun, () => load.forms().runFormsWrite(inputs, opts)));
  formsOptions(
    program
      .command('pack')
      .description('生成通知要求的报送包（文件夹和 zip）：汇总表、申报表、统计表、报送清单、邮件正文 / make the e-mail package')
      .argument('<inputs...>', '申报信息工作簿 .xlsx、Word 申报表或文件夹')
      .option('--out <folder>', '报送包放在此文件夹中')
      .option('--force', '仍有错误时也打包（会醒目提示），并覆盖已有的同名报送包'),
  ).action((inputs: string[], opts: FormsCliOptions) => later(setRun, () => load.forms().runPack(inputs, opts)));
}
