/**
 * Expert scoring for files (CLI) and the task pane: every function takes and returns bytes (Uint8Array), none
 * touches the file system; the decisions (the round plan, which files count, the figures) are the core's
 * (src/core/scoring). See docs/scoring.md.
 *
 *   generateScoreSheets({ profile, candidates: {name, bytes} | {name, grid}, experts: {name, bytes}, round?, blind?, groupBy? })
 *     → { sheets: [{ name, bytes, expert }], key: { name, bytes }, problems, assignment, … }
 *   planScoreSheets(same input)                                  → the lists and the assignment, nothing written
 *   zipFiles([...sheets, key])                                   → one .zip (Uint8Array)
 *   consolidateScoreFiles({ profile, files: [{name, bytes, lastModified?}], round?, trim?, top?, onProgress? })
 *     → ConsolidatedRound (result, files, problems, accepted, rejected)
 *   writeResultWorkbook(round)                                   → result .xlsx (Uint8Array)
 *   consolidationJson(round, lang) / consolidationText(round, lang)
 *   consolidationExitCode(round)                                 → 0 | 1 | 2
 */
export { generateScoreSheets, planScoreSheets } from './generate';
export type { GenerateInput, GeneratedScoreSheets, GeneratedFile, NamedBytes, NamedGrid, PlanInput, ScoringPlan } from './generate';
export { consolidateScoreFiles, consolidationExitCode } from './consolidate-files';
export type { ConsolidateFilesInput, ConsolidatedRound, FileReport, FileStatus } from './consolidate-files';
export { writeResultWorkbook, RESULT_SHEETS } from './result-writer';
export { consolidationJson, consolidationText } from '../../../core/scoring/consolidation-report';
export type { ConsolidationJson } from '../../../core/scoring/consolidation-report';
export { zipFiles } from './zip';
export { readScoreFile, readScoreFileContent } from './scoresheet-reader';
export type { ScoreFile, ScoreFileContent } from './scoresheet-reader';
export { writeScoreSheet, writeKeyWorkbook } from './scoresheet-writer';
export { ScoringInputError, isScoringInputError } from '../../../core/scoring/problems';
export type { ScoringProblem } from '../../../core/scoring/problems';
export { RubricError, rubricOf } from '../../../core/scoring/rubric';
