export const EXIT_OK = 0;
export const EXIT_ERRORS_FOUND = 1;
export const EXIT_UNUSABLE = 2;

/** A failure the user can act on: its message is printed as one line, without a stack trace. */
export class CliFailure extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT_UNUSABLE,
    /** Lines printed under the message, one per item (e.g. each file and why it could not be read). */
    readonly details: readonly string[] = [],
  ) {
    super(message);
    this.name = 'CliFailure';
  }
}

/** How a command hands its result (the exit code) back to main; commands register in main.ts. */
export type SetRun = (p: Promise<number>) => void;
