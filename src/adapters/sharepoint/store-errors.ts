/** Infrastructure faults from Graph: not expected outcomes, so they are thrown and mapped at the edge. */
import { StoreFailure } from '../../ports/store-failure.js';
import type { BatchResponse } from './graph-batch.js';

export class GraphStoreError extends StoreFailure {
  readonly code: 'GRAPH_UNAVAILABLE' | 'GRAPH_FAILED';
  constructor(
    message: string,
    readonly status: number,
    readonly graphCode: string | null,
  ) {
    super(message);
    this.code = status === 429 || status === 503 || status === 504 ? 'GRAPH_UNAVAILABLE' : 'GRAPH_FAILED';
  }

  get unavailable(): boolean {
    return this.code === 'GRAPH_UNAVAILABLE';
  }

  static fromBatch(what: string, response: BatchResponse): GraphStoreError {
    const error = (response.body as { error?: { code?: string; message?: string } } | null)?.error;
    return new GraphStoreError(
      `SharePoint could not ${what}: ${response.status} ${error?.code ?? ''} ${error?.message ?? ''}`.trim(),
      response.status,
      error?.code ?? null,
    );
  }
}
