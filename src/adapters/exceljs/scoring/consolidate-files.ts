/**
 * Consolidating a round from the returned files' bytes: each file is read (scoresheet-reader.ts), then the core
 * decides which files count and computes the round (src/core/scoring/consolidate-round.ts). Bytes in, result
 * out; no fs.
 */
import type { Localized } from '../../../core/model/findings';
import type { Profile } from '../../../core/profiles/schema';
import { checkScoreFile } from '../../../core/scoring/score-file';
import { consolidateRound, ConsolidatedRound, ReturnedFile, roundContext } from '../../../core/scoring/consolidate-round';
import type { NamedBytes } from './generate';
import { readScoreFile } from './scoresheet-reader';

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
  trim?: number;
  top?: number;
  onProgress?: (done: number, total: number, file: string) => void;
}

/**
 * Reads every file and consolidates. Throws a RubricError for an unknown round (before reading anything) and
 * ScoringInputError when the round cannot be decided; everything else is a problem in the result.
 */
export async function consolidateScoreFiles(input: ConsolidateFilesInput): Promise<ConsolidatedRound> {
  const ctx = roundContext(input.profile, input.round);
  const files: ReturnedFile[] = [];
  for (let i = 0; i < input.files.length; i++) {
    const src = input.files[i];
    const score = src.unreadable ? checkScoreFile({ kind: 'unreadable', file: src.name, reason: src.unreadable }, ctx) : await readScoreFile(src.bytes, src.name, ctx);
    const returned: ReturnedFile = { score };
    if (src.lastModified !== undefined) returned.lastModified = src.lastModified;
    files.push(returned);
    input.onProgress?.(i + 1, input.files.length, src.name);
  }
  return consolidateRound({ profile: input.profile, files, round: input.round, trim: input.trim, top: input.top });
}
