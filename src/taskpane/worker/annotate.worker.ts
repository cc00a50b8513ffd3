/**
 * The annotating worker: writes the annotated copy (下载标注版: exceljs loads the file, marks every finding's cell and
 * writes it back; seconds for a workbook of thousands of rows) off the page's thread, so the page keeps answering
 * while it is made. Started for one download by hosts/annotate-worker.ts and ended after it. No network, nothing but
 * the file it is given.
 */
import { annotatedCopy } from '../../adapters/files/annotated-copy';
import type { FromAnnotateWorker, ToAnnotateWorker } from './annotate-messages';
import { fileFailure } from './check-messages';

/** The worker's global scope (the web build type-checks with the DOM library, whose `self` is a window). */
const scope = self as unknown as {
  postMessage(m: FromAnnotateWorker, transfer?: Transferable[]): void;
  onmessage: ((e: MessageEvent<ToAnnotateWorker>) => void) | null;
};

scope.onmessage = (e) => {
  const { req } = e.data;
  annotatedCopy(req.bytes, req.findings, { lang: req.lang, programName: req.programName, name: req.name })
    // The copy's bytes are handed over, not copied: the worker ends after this message.
    .then((copy) => scope.postMessage({ type: 'annotated', bytes: copy.bytes }, [copy.bytes.buffer]))
    .catch((err: unknown) => scope.postMessage({ type: 'failed', failure: fileFailure(err) }));
};

scope.postMessage({ type: 'ready' });
