/** The two forms cost dates take: `YYYY-MM-DD` (UTC midnight) and ISO 8601 instants with a zone. */
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** Whether `ymd` is a real `YYYY-MM-DD` date (not 2026-02-30, not 2026-2-3). */
export function isCalendarDate(ymd: string): boolean {
  // Date.parse rolls 2026-02-30 over to March 2; a real date survives the round trip.
  const ms = Date.parse(`${ymd}T00:00:00Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === ymd;
}

/** Epoch ms of `YYYY-MM-DD` (UTC midnight) or an ISO 8601 instant with a zone; NaN otherwise. */
export function parseIsoTime(text: string): number {
  const dateOnly = DATE_ONLY.test(text);
  if (!dateOnly && !INSTANT.test(text)) return NaN;
  if (!isCalendarDate(text.slice(0, 10))) return NaN;
  return Date.parse(dateOnly ? `${text}T00:00:00Z` : text);
}
