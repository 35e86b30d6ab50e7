import { useCallback, useEffect, useState } from 'react';
import { ApiError } from './api.ts';

export type RemoteRequest<T> = (signal: AbortSignal) => Promise<T>;

export type Remote<T> =
  | { state: 'idle' }
  | { state: 'loading' }
  | { state: 'ok'; data: T }
  | { state: 'error'; error: ApiError };

function asApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError(0, error instanceof Error ? error.message : String(error));
}

/**
 * Runs `request` whenever its identity changes (memoize it with useMemo/useCallback) and aborts the previous
 * one, so a slow answer to an old query never overwrites a newer one. A null request stays idle.
 */
export function useRemote<T>(request: RemoteRequest<T> | null): Remote<T> & { retry(): void } {
  const [remote, setRemote] = useState<Remote<T>>({ state: request ? 'loading' : 'idle' });
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new attempt number is how retry() re-runs the request
  useEffect(() => {
    if (!request) {
      setRemote({ state: 'idle' });
      return;
    }
    const controller = new AbortController();
    setRemote({ state: 'loading' });
    request(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setRemote({ state: 'ok', data });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setRemote({ state: 'error', error: asApiError(error) });
      },
    );
    return () => controller.abort();
  }, [request, attempt]);

  const retry = useCallback(() => setAttempt((previous) => previous + 1), []);
  return { ...remote, retry };
}
