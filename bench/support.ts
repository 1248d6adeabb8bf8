import { cpus } from 'node:os';
import { generatedApplications } from '../src/demo/applications.js';
import type { Application } from '../src/domain/types.js';

/** Applications from the demo generator, as the allocation sees them. */
export function sampleApplications(n: number, date: string, districts = 20, seed = 5): Application[] {
  return generatedApplications({ seed, date, districts, kindergartensPerDistrict: 8, applications: n, seats: Math.round(n / 10) });
}

export function machine(): string {
  return `Node ${process.version}, ${cpus().length} cores`;
}

export const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');
