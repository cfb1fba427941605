/**
 * Faults the bot could not turn into an answer: each gets a correlation id, shown to the person on the
 * card and written to the log with the error, so a report from a person can be found in the log.
 */
import { randomUUID } from 'node:crypto';

export type FaultLog = (line: string) => void;

export const correlationId = (): string => randomUUID();

const defaultLog: FaultLog = (line) => console.error(line);

export function logFault(log: FaultLog | undefined, id: string, where: string, error: unknown): void {
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  (log ?? defaultLog)(`[bot fault ${id}] ${where}: ${detail}`);
}
