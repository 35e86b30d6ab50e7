import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Serves the built web app; errors.ts answers unknown page paths with its index.html. */
export async function registerWebApp(app: FastifyInstance, webDir: string): Promise<void> {
  const index = path.join(webDir, 'index.html');
  if (!fs.existsSync(index)) throw new Error(`the web build is missing at ${webDir}; run \`npm run build\``);
  await app.register(fastifyStatic, { root: webDir, wildcard: false, index: ['index.html'] });
}
