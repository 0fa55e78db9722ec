// `docker container logs --since` accepts a Go duration (10m, 1h30m), an RFC 3339 date or Unix
// seconds; the API only takes Unix seconds, so the CLI converts — and so do we.

const UNIT_SECONDS: Record<string, number> = { ms: 0.001, s: 1, m: 60, h: 3600 };

/** Unix seconds for `since`, or undefined when it is none of the forms the CLI accepts. */
export function parseSince(since: string, now = Date.now()): number | undefined {
  const text = since.trim();
  if (!text) { return undefined; }
  if (/^\d+(\.\d+)?$/.test(text)) { return Math.floor(Number(text)); }
  if (/^(\d+(\.\d+)?(ms|s|m|h))+$/.test(text)) {
    let seconds = 0;
    for (const m of text.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)) { seconds += Number(m[1]) * UNIT_SECONDS[m[2]]; }
    return Math.floor(now / 1000 - seconds);
  }
  if (/^\d{4}-\d{2}-\d{2}/.test(text)) {
    const ms = Date.parse(text);
    return Number.isNaN(ms) ? undefined : Math.floor(ms / 1000);
  }
  return undefined;
}
