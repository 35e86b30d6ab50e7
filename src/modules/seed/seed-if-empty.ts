import { type Platform, runUseCase, systemActor } from '../../platform/context.ts';
import { type SeedResult, seedDemoCity } from './seed-demo-city.ts';

/** Seeds the demo city in its own transaction; a populated database is left as it is. */
export function seedDemoCityIfEmpty(platform: Platform, subjects: number): Promise<SeedResult> {
  return runUseCase(platform, systemActor('seed'), (ctx) => seedDemoCity(ctx, { subjects }));
}
