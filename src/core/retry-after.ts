// `Retry-After` (RFC 9110 §10.2.3): delta-seconds or an HTTP-date. Graph sends decimal seconds too: Microsoft's
// throttling page (learn.microsoft.com/graph/throttling) shows `Retry-After: 2.128` in its sample 429, so a
// fraction is honoured, rounded up to the millisecond (waiting less than asked only earns another 429).

const DAY = "(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)";
const MONTH = "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)";
const TIME = "\\d{2}:\\d{2}:\\d{2}";
/** RFC 9110 §5.6.7 HTTP-date: IMF-fixdate, and the obsolete RFC 850 and asctime forms a recipient must accept. */
const HTTP_DATE = new RegExp(
  `^(?:${DAY}, \\d{2} ${MONTH} \\d{4} ${TIME} GMT|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), \\d{2}-${MONTH}-\\d{2} ${TIME} GMT|${DAY} ${MONTH} [ \\d]\\d ${TIME} \\d{4})$`,
);

/**
 * `Retry-After` in milliseconds from now: seconds (`2`, or decimal as Graph sends them, `2.128`) or an HTTP-date.
 * Anything else (`-1`, `soon`, `1e3`, an ISO date, empty) is absent, so that the caller falls back to its own backoff;
 * Date.parse alone would read `-1` as a date in 2001, a wait of zero.
 */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d+(?:\.\d+)?$/.test(trimmed)) {
    // Microseconds rounded first (2.128 × 1000 is not exactly 2128 in floating point), then up to the millisecond.
    const ms = Math.ceil(Math.round(Number(trimmed) * 1e6) / 1e3);
    return Number.isFinite(ms) ? ms : undefined;
  }
  if (!HTTP_DATE.test(trimmed)) return undefined;
  const at = Date.parse(/GMT$/.test(trimmed) ? trimmed : `${trimmed} GMT`);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
