/**
 * A CPU profile of a bench child between two calls (the burst), written where PB_BENCH_CPU_PROFILE says:
 * what the process spent its time on, for the notes. Nothing happens when the variable is not set.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';

const target = process.env['PB_BENCH_CPU_PROFILE'];
let session: Session | null = null;

export async function startCpuProfile(): Promise<void> {
  if (!target) return;
  session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
}

export async function stopCpuProfile(): Promise<void> {
  if (!session || !target) return;
  const { profile } = await session.post('Profiler.stop');
  writeFileSync(target, JSON.stringify(profile));
  session.disconnect();
  session = null;
}
