import { expect } from 'vitest';
import { type Platform, runUseCase, systemActor } from '../../src/platform/context.ts';

/** `count` events from use cases of `perUseCase` events each, with a rolled-back use case every 7th. */
export async function recordActivity(platform: Platform, count: number, perUseCase = 100): Promise<void> {
  for (let done = 0, round = 0; done < count; round++) {
    const n = Math.min(perUseCase, count - done);
    const useCase = runUseCase(platform, systemActor('test'), async (ctx) => {
      for (let i = 0; i < n; i++) {
        await ctx.audit.record({
          action: i % 3 === 0 ? 'record.ingest' : 'record.query',
          objectType: 'record',
          objectId: `R-${done + i}`,
          purpose: i % 5 === 0 ? '行政审批' : null,
          payload: { round, i },
          detail: { n: i, note: i % 11 === 0 ? '含中文' : 'x' },
        });
      }
      if (round % 7 === 3) throw new Error('rolled back on purpose');
    });
    if (round % 7 === 3) {
      await expect(useCase).rejects.toThrow('rolled back on purpose');
    } else {
      await useCase;
      done += n;
    }
  }
}
