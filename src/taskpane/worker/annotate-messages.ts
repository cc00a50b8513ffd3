/**
 * What the page and its annotating worker (annotate.worker.ts) say to each other: the file and its findings in,
 * the annotated copy out. Plain data only (structured cloning); an error travels as its kind and words.
 */
import type { Finding, Lang } from '../../core/model/findings';
import type { FileFailure } from './check-messages';

export interface AnnotateRequest {
  /** The user's file as it was picked (copied to the worker; the page keeps its own). */
  bytes: Uint8Array;
  /** Its name: the format of a file that is not .xlsx is told partly by it. */
  name: string;
  findings: readonly Finding[];
  lang: Lang;
  programName: string;
}

export type ToAnnotateWorker = { type: 'annotate'; req: AnnotateRequest };

export type FromAnnotateWorker =
  /** Posted once when the worker's script has started: until then a failure means "no worker here". */
  | { type: 'ready' }
  | { type: 'annotated'; bytes: Uint8Array }
  | { type: 'failed'; failure: FileFailure };
