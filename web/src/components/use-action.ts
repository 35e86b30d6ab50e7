import { useState } from 'react';

/** A change the server may refuse: whether it is under way, and the last refusal (cleared by the next try). */
export function useAction<Args extends unknown[]>(work: (...args: Args) => Promise<void>) {
  const [running, setRunning] = useState(false);
  const [refusal, setRefusal] = useState<{ error: unknown } | null>(null);
  async function run(...args: Args): Promise<void> {
    setRunning(true);
    setRefusal(null);
    try {
      await work(...args);
    } catch (error) {
      setRefusal({ error });
    } finally {
      setRunning(false);
    }
  }
  return { run, running, refusal };
}
