/**
 * The request pipeline: routes one request, charges its resource units, applies injected faults and
 * latency, runs the handler and renders any GraphProblem as Graph's error envelope exactly once.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { GraphProblem, errorEnvelope, notSupported } from './graph-errors.js';
import type { FaultDecision, Faults, InjectedFault, RequestKind } from './faults.js';
import { jsonResponse } from './http-types.js';
import type { EmuRequest, EmuResponse, Env } from './http-types.js';
import { parseQuery, percentDecode } from '../odata/query-options.js';
import { Router, splitPath } from './route-matcher.js';
import type { Route } from './route-matcher.js';
import type { RuBudget } from './ru-budget.js';
import type { Stats } from './stats.js';

export interface Pipeline {
  /** One request through routing, stats, fault injection and error rendering. */
  run(req: EmuRequest, kind: RequestKind): Promise<EmuResponse>;
  /** The $batch request itself: counted, faultable by an explicit path rule, then `runBatch` does the work. */
  runEnvelope(req: EmuRequest, runBatch: () => Promise<EmuResponse>): Promise<EmuResponse>;
  errorResponse(e: unknown, req: EmuRequest): EmuResponse;
}

const FAULT_BODIES: Record<InjectedFault['status'], { code: string; message: string; inner?: string }> = {
  429: { code: 'activityLimitReached', message: 'The request has been throttled', inner: 'throttledRequest' },
  503: { code: 'activityLimitReached', message: 'The request has been throttled', inner: 'throttledRequest' },
  504: {
    code: 'gatewayTimeout',
    message: 'The gateway did not receive a timely response (injected by the emulator).',
  },
};

/** SharePoint's answer past the app's budget [O learn Q&A 648796]. */
const THROTTLED = {
  code: 'activityLimitReached',
  message: 'The request has been throttled',
  inner: 'throttledRequest',
};

const withHeaders = (res: EmuResponse, headers: Readonly<Record<string, string>>): EmuResponse =>
  Object.keys(headers).length === 0 ? res : { ...res, headers: { ...(res.headers ?? {}), ...headers } };

export function createPipeline(
  env: Env,
  routes: readonly Route[],
  faults: Faults,
  stats: Stats,
  budgetNow: () => RuBudget | undefined = () => undefined,
): Pipeline {
  const router = new Router(routes);

  const errorResponse = (e: unknown, req: EmuRequest): EmuResponse => {
    const problem =
      e instanceof GraphProblem
        ? e
        : new GraphProblem(
            500,
            'generalException',
            `Emulator error: ${e instanceof Error ? e.message : String(e)}`,
          );
    if (!(e instanceof GraphProblem)) console.error('[sharepoint-emulator]', e);
    return jsonResponse(
      problem.status,
      errorEnvelope(problem.code, problem.message, req, env.now(), problem.innerCode),
      { ...problem.headers },
    );
  };

  const faultResponse = (fault: InjectedFault, req: EmuRequest): EmuResponse => {
    const body = FAULT_BODIES[fault.status];
    const headers: Record<string, string> = {};
    if (fault.retryAfterSeconds !== undefined)
      headers['Retry-After'] = String(Math.max(0, Math.round(fault.retryAfterSeconds)));
    return jsonResponse(
      fault.status,
      errorEnvelope(body.code, body.message, req, env.now(), body.inner),
      headers,
    );
  };

  /** Latency first; a fault either replaces the work or, with afterCommit, replaces its answer. */
  const guarded = async (
    req: EmuRequest,
    d: FaultDecision,
    work: () => Promise<EmuResponse>,
  ): Promise<EmuResponse> => {
    if (d.latencyMs > 0) await sleep(d.latencyMs);
    const fault = d.fault;
    if (fault !== undefined && !fault.afterCommit) return faultResponse(fault, req);
    let res: EmuResponse;
    try {
      res = await work();
    } catch (e) {
      res = errorResponse(e, req);
    }
    return fault === undefined ? res : faultResponse(fault, req);
  };

  return {
    errorResponse,

    async runEnvelope(req, runBatch) {
      // The envelope is Graph's, costs nothing and carries no budget headers: SharePoint charges and
      // throttles each request inside it, and reports the budget in each of their answers.
      stats.charge('POST /$batch', 0);
      return guarded(req, faults.decide(req.method, percentDecode(req.path), 'envelope'), runBatch);
    },

    async run(req, kind) {
      if (kind === 'inner') stats.countBatchedRequest();
      const match = router.match(req.method, splitPath(req.path));
      let query: ReturnType<typeof parseQuery> | undefined;
      let queryError: unknown;
      try {
        query = parseQuery(req.rawQuery);
      } catch (e) {
        queryError = e;
      }
      const ru =
        match === undefined
          ? 0
          : typeof match.route.ru === 'function'
            ? match.route.ru(query ?? parseQuery(''))
            : match.route.ru;
      stats.charge(match?.key ?? `${req.method} (unsupported)`, ru);
      const budget = budgetNow();
      const verdict = budget !== undefined && ru > 0 ? budget.charge(req.caller.appId, ru) : undefined;
      if (verdict?.throttled === true) {
        stats.countThrottled();
        return jsonResponse(
          429,
          errorEnvelope(THROTTLED.code, THROTTLED.message, req, env.now(), THROTTLED.inner),
          { ...verdict.headers },
        );
      }
      const res = await guarded(req, faults.decide(req.method, percentDecode(req.path), kind), async () => {
        if (match === undefined) throw notSupported(`${req.method} ${req.path}`);
        if (query === undefined) throw queryError;
        return match.route.handler({ env, req, params: match.params, query });
      });
      return verdict === undefined ? res : withHeaders(res, verdict.headers);
    },
  };
}
