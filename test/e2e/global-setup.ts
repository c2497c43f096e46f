import type { TestProject } from 'vitest/node';
import { startLocalSystem } from './support/local-system.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** `npm start`'s server: the panels at `/`, the API beside them. */
    panelsUrl: string;
    /** The Shiprocket simulator's control base URL (`/__sim`). */
    shiprocketControlUrl: string;
  }
}

/** The end-to-end tests run against the local system as `npm start` runs it (test/e2e/support/local-system.ts). */
export default async function setup(project: TestProject) {
  const system = await startLocalSystem();
  project.provide('panelsUrl', system.url);
  project.provide('shiprocketControlUrl', system.shiprocketControlUrl);
  return system.stop;
}
