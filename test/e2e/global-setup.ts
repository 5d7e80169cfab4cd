/** Builds the site and serves it as a static host would (built-site.ts); tests read the address with inject('baseUrl'). */
import type { TestProject } from 'vitest/node';
import { buildSite, serveSite } from './built-site.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  buildSite();
  const site = await serveSite();
  project.provide('baseUrl', site.url);
  return () => site.close();
}
