// The pseudoterminals this view opened (logs, shells), with what they printed, so tests can read a
// terminal's output — VS Code offers no API for that.
export interface TrackedTerminal {
  kind: 'logs' | 'shell';
  container: string;
  /** Everything written to the terminal (the last 256 KB). */
  transcript: string;
  /** True once the engine stream behind the terminal is closed. */
  streamClosed: boolean;
}

const live: TrackedTerminal[] = [];

export function track(t: TrackedTerminal): TrackedTerminal {
  live.push(t);
  if (live.length > 50) { live.shift(); }
  return t;
}

export function trackedTerminals(): readonly TrackedTerminal[] { return live; }

export function appendTranscript(t: TrackedTerminal, text: string): void {
  t.transcript += text;
  if (t.transcript.length > 256 * 1024) { t.transcript = t.transcript.slice(-200 * 1024); }
}
