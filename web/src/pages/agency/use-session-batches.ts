import { useCallback, useEffect, useState } from 'react';
import { ApiError, api, type BatchQuery } from '../../api.ts';

/** The server lists no agency's batches: this browser session remembers the ones each account submitted. */
const storagePrefix = 'gongxin.batchQueries.';
const POLL_MS = 1_000;

function isBatchQuery(value: unknown): value is BatchQuery {
  return typeof value === 'object' && value !== null && 'batchId' in value && 'resultsUrl' in value;
}

function readStored(storageKey: string): BatchQuery[] {
  try {
    const stored: unknown = JSON.parse(window.sessionStorage.getItem(storageKey) ?? '[]');
    return Array.isArray(stored) ? stored.filter(isBatchQuery) : [];
  } catch {
    return [];
  }
}

function store(storageKey: string, batches: readonly BatchQuery[]): void {
  try {
    window.sessionStorage.setItem(storageKey, JSON.stringify(batches));
  } catch {
    // Storage may be unavailable (privacy modes): the list then lasts as long as the page.
  }
}

/**
 * The batches submitted in this browser session, newest first, each read again every second while the server
 * still answers it (status RUNNING); a failed read stops the polling until `retry`.
 */
export function useSessionBatches(account: string) {
  const storageKey = `${storagePrefix}${account}`;
  const [batches, setBatches] = useState<BatchQuery[]>(() => readStored(storageKey));
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [attempt, setAttempt] = useState(0);

  const update = useCallback(
    (next: BatchQuery) => {
      setBatches((previous) => {
        const merged = [next, ...previous.filter((batch) => batch.batchId !== next.batchId)].sort((a, b) =>
          b.createdAt.localeCompare(a.createdAt),
        );
        store(storageKey, merged);
        return merged;
      });
    },
    [storageKey],
  );

  // Each answer stores a new list, which schedules the next read a second later.
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new attempt number is how retry() polls again
  useEffect(() => {
    const running = batches.filter((batch) => batch.status === 'RUNNING');
    if (running.length === 0) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      Promise.all(running.map((batch) => api.batchQuery(batch.batchId, controller.signal))).then(
        (answers) => {
          setProblem(null);
          for (const answer of answers) update(answer);
        },
        (error: unknown) => {
          if (controller.signal.aborted) return;
          setProblem(error instanceof ApiError ? error : new ApiError(0, String(error)));
        },
      );
    }, POLL_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [batches, update, attempt]);

  const retry = useCallback(() => {
    setProblem(null);
    setAttempt((previous) => previous + 1);
  }, []);
  return { batches, add: update, problem, retry };
}
