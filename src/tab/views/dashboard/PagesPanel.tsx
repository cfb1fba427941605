import { Field, ProgressBar, Text } from '@fluentui/react-components';
import type { PlanViewDto } from '../../../shared/api.js';

const VERDICT = {
  under: 'under the budget so far',
  within: 'within the budget',
  over: 'over the budget: shorten it',
} as const;

export function PagesPanel({ pages }: { pages: PlanViewDto['pages'] }) {
  const share = Math.min(1, pages.pages / pages.maxPages);
  return (
    <>
      <Text block as="p" data-testid="page-estimate">
        About <strong>{pages.pages.toFixed(1)}</strong> pages of the {pages.minPages}–{pages.maxPages} page
        budget ({pages.words.toLocaleString('en-GB')} words): {VERDICT[pages.status]}.
      </Text>
      <Field
        label="Estimated length against the page budget"
        validationState={pages.status === 'over' ? 'error' : pages.status === 'within' ? 'success' : 'none'}
      >
        <ProgressBar value={share} thickness="large" />
      </Field>
    </>
  );
}
