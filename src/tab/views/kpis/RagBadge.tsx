import { Badge } from '@fluentui/react-components';
import type { RagResult } from '../../../shared/kpi-api.js';
import { RAG_COLOUR, RAG_WORDS } from './kpi-format.js';

/** The RAG status as a coloured badge that says it in words. */
export function RagBadge({ status }: { status: RagResult['status'] }) {
  return (
    <Badge appearance="filled" color={RAG_COLOUR[status]} data-rag={status}>
      {RAG_WORDS[status]}
    </Badge>
  );
}
