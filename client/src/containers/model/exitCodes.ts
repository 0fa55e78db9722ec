// Exit codes in plain words. Docker uses 125-127 for its own failures; above 128 a process was
// ended by signal (code - 128): 137 = SIGKILL (docker kill, or the kernel's out-of-memory killer),
// 143 = SIGTERM (docker stop), 139 = SIGSEGV. No vscode: the words are in containers/texts.ts.

export type ExitMeaning =
  | 'success' | 'appError' | 'dockerError' | 'cannotInvoke' | 'notFound'
  | 'sigint' | 'sigkill' | 'sigsegv' | 'sigterm' | 'signal' | 'other';

/** The exit code in "Exited (137) 2 hours ago", or undefined for a container that has not exited. */
export function exitCodeFromStatus(status: string): number | undefined {
  const m = /^Exited \((-?\d+)\)/.exec(status);
  return m ? Number(m[1]) : undefined;
}

export function exitMeaning(code: number): { meaning: ExitMeaning; signal?: number } {
  switch (code) {
    case 0: return { meaning: 'success' };
    case 1: return { meaning: 'appError' };
    case 125: return { meaning: 'dockerError' };
    case 126: return { meaning: 'cannotInvoke' };
    case 127: return { meaning: 'notFound' };
    case 130: return { meaning: 'sigint', signal: 2 };
    case 137: return { meaning: 'sigkill', signal: 9 };
    case 139: return { meaning: 'sigsegv', signal: 11 };
    case 143: return { meaning: 'sigterm', signal: 15 };
    default:
      if (code > 128 && code < 160) { return { meaning: 'signal', signal: code - 128 }; }
      return { meaning: 'other' };
  }
}
