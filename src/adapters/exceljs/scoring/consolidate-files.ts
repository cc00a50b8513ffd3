/**
 * Consolidating a round from the returned files' bytes: each file is read on its own (scoresheet-reader.ts; a file
 * that cannot be read is rejected with its reason and the others go on), the key files' own MACs are checked, every
 * score sheet is bound to the key of its batch (its MAC under the expert's key, its protection password), then the
 * core checks each file and decides which count and computes the round (src/core/scoring/consolidate-round.ts).
 * Bytes in, result out; no fs.
 */
import type { Localized } from '../../../core/model/findings';
import type { Profile } from '../../../core/profiles/schema';
import { consolidateRound, ConsolidatedRound, ReturnedFile, roundContext } from '../../../core/scoring/consolidate-round';
import { KeyMeta, SHEETS } from '../../../core/scoring/metadata';
import { checkScoreFile, ScoreFileContent } from '../../../core/scoring/score-file';
import type { NamedBytes } from './generate';
import { bindSheet, keyIntact } from './binding';
import { readScoreFileContent } from './scoresheet-reader';

export { consolidationExitCode } from '../../../core/scoring/consolidate-round';
export type { ConsolidatedRound, FileReport, FileStatus } from '../../../core/scoring/consolidate-round';

/** A returned file's bytes, or why the caller could not read them (the file is then rejected with that reason). */
export interface ReturnedBytes extends NamedBytes {
  unreadable?: Localized;
}

export interface ConsolidateFilesInput {
  profile: Profile;
  files: ReturnedBytes[];
  /** Which round (needed only when the files hold several). */
  round?: string;
  /** Scores dropped at each end (default 1; 0 for a ballot round). */
  trim?: number;
  top?: number;
  /** Consolidate without the organiser's key (--no-key): nothing is verified and every output says so. */
  allowUnverified?: boolean;
  onProgress?: (done: number, total: number, file: string) => void;
}

/** Checks the keys' own MACs, then binds every score sheet whose batch has an intact key (exported for tests that read files one by one). */
export async function bindToKeys(contents: ScoreFileContent[]): Promise<void> {
  const keys = new Map<string, { file: string; meta: KeyMeta }>();
  for (const c of contents) {
    if (c.kind !== 'workbook' || c.meta?.parsed.kind !== 'key') continue;
    const meta = c.meta.parsed.meta;
    c.meta.keyIntact = await keyIntact(meta);
    if (c.meta.keyIntact && !keys.has(meta.batch)) keys.set(meta.batch, { file: c.file, meta });
  }
  for (const c of contents) {
    if (c.kind !== 'workbook' || c.meta?.parsed.kind !== 'scoresheet') continue;
    const meta = c.meta.parsed.meta;
    const key = keys.get(meta.batch);
    if (!key) continue;
    const scores = c.sheets.find((s) => s.name === SHEETS.scores) ?? c.sheets.find((s) => s.state === 'visible' && s.cells);
    c.meta.binding = await bindSheet(meta, key, scores?.protection);
  }
}

/**
 * Reads every file and consolidates. Throws a RubricError for an unknown round (before reading anything) and
 * ScoringInputError when the round cannot be decided, or has no usable key and `allowUnverified` is not set;
 * everything else — a file that cannot be read included — is a problem in the result.
 */
export async function consolidateScoreFiles(input: ConsolidateFilesInput): Promise<ConsolidatedRound> {
  const ctx = roundContext(input.profile, input.round);
  const contents: ScoreFileContent[] = [];
  for (let i = 0; i < input.files.length; i++) {
    const src = input.files[i];
    contents.push(src.unreadable ? { kind: 'unreadable', file: src.name, reason: src.unreadable } : await readScoreFileContent(src.bytes, src.name));
    input.onProgress?.(i + 1, input.files.length, src.name);
  }
  await bindToKeys(contents);
  const files: ReturnedFile[] = contents.map((content, i) => {
    const returned: ReturnedFile = { score: checkScoreFile(content, ctx) };
    const t = input.files[i].lastModified;
    if (t !== undefined) returned.lastModified = t;
    return returned;
  });
  return consolidateRound({ profile: input.profile, files, round: input.round, trim: input.trim, top: input.top, allowUnverified: input.allowUnverified });
}
