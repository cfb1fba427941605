/**
 * `npm run bench:burst`: only the approval burst of `npm run bench` (50 members pressing Approve at once,
 * 100 ms added to every Graph round trip), with where the server's time went, phase by phase. Prints
 * numbers; fails only when a click errs or a response is not stored.
 */
import { loadavg } from 'node:os';
import { runBurst, type BurstFigures } from './peak/burst.js';
import { BURST_EARLIER } from './peak/peak-table.js';
import { formatTable } from './table.js';

const ms = (n: number): string => (Number.isFinite(n) ? `${Math.round(n)} ms` : '—');

function report(title: string, r: BurstFigures, approvers: number): void {
  console.log(title);
  console.log(
    `  p50 ${ms(r.medianMs)}, p95 ${ms(r.p95Ms)}, max ${ms(r.maxMs)}; ${r.graphRequests} Graph requests ` +
      `(${(r.graphRequests / approvers).toFixed(2)} a click), ${r.resourceUnits} RU; ` +
      `${r.responsesStored} responses stored; posted card updated ${r.cardUpdates} times`,
  );
  console.log(
    formatTable(
      [
        { header: 'Phase', align: 'left' },
        { header: 'Calls', align: 'right' },
        { header: 'p50', align: 'right' },
        { header: 'p95', align: 'right' },
        { header: 'Max', align: 'right' },
        { header: 'Most at once', align: 'right' },
        { header: 'First start', align: 'right' },
        { header: 'Last end', align: 'right' },
      ],
      r.phases.map((p) => [
        p.phase,
        String(p.calls),
        ms(p.p50Ms),
        ms(p.p95Ms),
        ms(p.maxMs),
        String(p.maxInFlight),
        ms(p.firstStartMs),
        ms(p.lastEndMs),
      ]),
    ),
  );
  console.log(
    `  CPU from the first click to the last answer: server ${ms(r.cpuMs.server)}, emulator ${ms(r.cpuMs.emulator)}`,
  );
  console.log(
    '  Graph calls by route: ' +
      Object.entries(r.byRoute)
        .map(([route, n]) => `${route} ${n}`)
        .join('; '),
  );
  console.log('');
}

async function main(): Promise<void> {
  const load = loadavg()[0]!.toFixed(1);
  const burst = await runBurst({ approvers: 50, graphLatencyMs: 100 });
  console.log(
    `50 at once, 100 ms a round trip, ${burst.bursts.length} bursts in a row (machine load ${load} before the run)`,
  );
  burst.bursts.forEach((one, i) =>
    report(
      i === 0 ? 'Burst 1, the server just started (its code not yet compiled by V8)' : `Burst ${i + 1}`,
      one,
      burst.approvers,
    ),
  );
  console.log(
    `Bursts 2–${burst.bursts.length} together (${burst.warm.clicks} clicks): p50 ${ms(burst.warm.medianMs)}, ` +
      `p95 ${ms(burst.warm.p95Ms)}, max ${ms(burst.warm.maxMs)}`,
  );
  console.log(`Earlier: ${BURST_EARLIER}.`);
  console.log(
    'Graph requests are counted from the first click to the last answer: what the clicks waited for. ' +
      'The settle and the card update come after the answers and are not in them.',
  );
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error('bench failed:', error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
