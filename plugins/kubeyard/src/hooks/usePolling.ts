import {
  DependencyList,
  useCallback,
  useEffect,
  useRef,
  useState,
} from 'react';

/** How often Kubeyard pages reload from the backend's fleet index. */
export const REFRESH_INTERVAL_MS = 15_000;

/** Costs change once per collector interval, not per second: cost views reload every 5 minutes. */
export const COST_REFRESH_INTERVAL_MS = 5 * 60_000;

/** The state of a polled request. */
export interface PollingState<T> {
  /** The last value loaded; kept while a refresh runs or after a refresh fails. */
  value?: T;
  /** The error of the last attempt, cleared by the next success. */
  error?: Error;
  /** True until the first attempt settles. */
  loading: boolean;
  /** When `value` was loaded (ms since epoch). */
  updatedAt?: number;
}

function toError(e: unknown): Error {
  return e instanceof Error ? e : new Error(String(e));
}

/** A polled request, and a way to reload it now (e.g. after a change the user made). */
export interface Polling<T> extends PollingState<T> {
  /** Reloads at once, keeping the value on screen; the interval restarts from the answer. */
  refresh: () => void;
}

/**
 * Loads a value, then reloads it every `intervalMs` while the page is visible.
 *
 * Unlike react-use's useAsyncRetry, a refresh neither clears the value nor flips `loading`,
 * so tables stay on screen (no spinner flash) and a failed refresh keeps the last data.
 * The next request is scheduled when the previous one settles, so slow backends are not
 * piled up with requests.
 */
export function usePolling<T>(
  load: () => Promise<T>,
  deps: DependencyList,
  intervalMs: number = REFRESH_INTERVAL_MS,
): Polling<T> {
  const [state, setState] = useState<PollingState<T>>({ loading: true });
  const refreshRef = useRef<() => void>(() => {});

  useEffect(() => {
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // A refresh supersedes the request in flight: only the latest one answers and schedules.
    let generation = 0;
    setState({ loading: true });

    const poll = async (force: boolean) => {
      generation += 1;
      const mine = generation;
      const current = () => !cancelled && mine === generation;
      // A hidden tab does not need fresh data; check again at the next interval.
      const hidden =
        typeof document !== 'undefined' &&
        document.visibilityState === 'hidden';
      if (force || !hidden) {
        try {
          const value = await load();
          if (current())
            setState({ value, loading: false, updatedAt: Date.now() });
        } catch (e) {
          if (current()) {
            setState(prev => ({ ...prev, error: toError(e), loading: false }));
          }
        }
      }
      if (current()) timer = setTimeout(() => poll(false), intervalMs);
    };
    poll(true);
    refreshRef.current = () => {
      if (cancelled) return;
      if (timer) clearTimeout(timer);
      timer = undefined;
      poll(true);
    };

    return () => {
      cancelled = true;
      if (timer) clearTimeout(timer);
    };
    // The caller's deps decide when to start over; `load` is a new closure on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, intervalMs]);

  const refresh = useCallback(() => refreshRef.current(), []);
  return { ...state, refresh };
}
