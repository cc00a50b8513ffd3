/**
 * What the page and its tools worker (tools.worker.ts) say to each other: a call of one of the WorkbookTools
 * (hosts/workbook-tools.ts) by name with its arguments, its progress, and its result or error. Arguments and results
 * are the tools' own plain data (structured cloning); an onProgress callback stays on the page and is called for
 * each progress message; an error travels as its kind and words.
 */
import type { FileFailure } from './check-messages';
import type { WorkbookTools } from '../hosts/workbook-tools';

/** The tools by name: WorkbookTools' methods, and its `forms` tools as "forms.readForms" … */
export type ToolMethod =
  | 'candidateInfo'
  | 'planScoring'
  | 'scoreSheetsZip'
  | 'consolidate'
  | 'resultWorkbook'
  | 'finalCopy'
  | 'trackingWorkbook'
  | 'rollover'
  | 'forms.readForms'
  | 'forms.printForms'
  | 'forms.pack';

export type ToToolsWorker = {
  type: 'call';
  id: number;
  method: ToolMethod;
  args: unknown[];
  /** Which argument (an options object) had an onProgress on the page; -1: none. */
  progressAt: number;
};

/** The worker has started; with the constant the pane reads synchronously (WorkbookTools.resultSheetNames). */
export type ToolsWorkerReady = { type: 'ready'; resultSheetNames: string[] };

export type FromToolsWorker =
  | ToolsWorkerReady
  | { type: 'progress'; id: number; args: unknown[] }
  | { type: 'result'; id: number; value: unknown }
  | { type: 'failed'; id: number; failure: FileFailure };

type AnyTool = (...args: unknown[]) => Promise<never>;

/** The tool a method name stands for, bound to its object (the worker's tools, or the page's after a breakdown). */
export function toolOf(tools: WorkbookTools, method: ToolMethod): AnyTool {
  const [group, name] = method.startsWith('forms.') ? [tools.forms, method.slice(6)] : [tools, method];
  return ((group as unknown as Record<string, AnyTool>)[name]).bind(group);
}
