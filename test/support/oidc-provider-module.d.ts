// oidc-provider ships no types (they live on DefinitelyTyped, which this project does not install); the
// tests use only this much of it.
declare module 'oidc-provider' {
  import type { Server } from 'node:http';

  export interface AccountClaims {
    accountId: string;
    claims(): Promise<Record<string, unknown>> | Record<string, unknown>;
  }

  export class Provider {
    constructor(issuer: string, configuration: Record<string, unknown>);
    listen(port: number, callback?: () => void): Server;
    on(event: string, listener: (...args: unknown[]) => void): this;
  }
}
