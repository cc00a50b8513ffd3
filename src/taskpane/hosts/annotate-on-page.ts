/**
 * The annotated copy (下载标注版) made on the page's own thread: the browser host's default, the fallback where no
 * worker can run (annotate-worker.ts) and the unit tests' path.
 */
import type { AnnotateRequest } from '../worker/annotate-messages';

export type { AnnotateRequest };

/** Makes the annotated copy's .xlsx bytes. */
export type Annotate = (req: AnnotateRequest) => Promise<Uint8Array>;

/** exceljs is loaded for the download only (the path is cast as in file-checks.ts's loadSession). */
export const pageAnnotate: Annotate = async (req) => {
  const { annotatedCopy } = await (import(/* webpackChunkName: "annotate" */ '../../adapters/files/annotated-copy' as string) as Promise<typeof import('../../adapters/files/annotated-copy')>);
  const copy = await annotatedCopy(req.bytes, req.findings, { lang: req.lang, programName: req.programName, name: req.name });
  return copy.bytes;
};
