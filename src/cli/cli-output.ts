/**
 * Everything the CLI prints goes through here: user text (file and sheet names, cell values in messages) is shown
 * with terminal control characters escaped, and a reader that goes away (`| head`) ends the output quietly.
 */
import { escapeControls } from '../core/text/printable';

/** A report on stdout: its lines are ours, anything else that could drive the terminal is escaped. */
export function writeText(text: string): void {
  process.stdout.write(escapeControls(text, { keepNewlines: true }));
}

/** JSON on stdout: C1 controls and bidi overrides as \u escapes (the parsed strings are unchanged). */
export function writeJson(value: unknown): void {
  process.stdout.write(escapeControls(JSON.stringify(value, null, 2), { keepNewlines: true, style: 'json' }) + '\n');
}

/** A message on stderr as exactly one line. */
export function writeErrorLine(message: string): void {
  process.stderr.write(escapeControls(message.replace(/\s+$/, '')) + '\n');
}

/** Progress and notes on stderr (lines are ours; carriage returns redraw a progress line on a terminal). */
export function writeProgress(text: string): void {
  process.stderr.write(text);
}

/**
 * The reader of stdout (or stderr) going away — `jiangxuan validate … | head -c 100` — is not a failure: the
 * rest of the output is dropped and the command ends with its own exit code, without Node's "Unhandled 'error'
 * event" stack.
 */
export function endQuietlyOnBrokenPipe(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE' || e.code === 'ERR_STREAM_DESTROYED') {
        stream.destroy();
        return;
      }
      // Any other output failure (a full disk behind a redirect): nothing more can be printed there.
      stream.destroy();
      process.exitCode = process.exitCode || 2;
    });
  }
}
