/**
 * What is wrong with a form's fields, each problem next to its field (Fluent `Field` validation). Problems
 * appear once the person has tried to submit, or has left the field, and all of them at once: nobody
 * fixes one thing only to be told about the next.
 */
import { useCallback, useMemo, useState } from 'react';

export type Problems<F extends string = string> = Readonly<Partial<Record<F, string | null | undefined>>>;

/** What a form's submit needs to know about its fields. */
export interface FieldProblems {
  readonly count: number;
  /** Shows every problem and moves the focus to the first field that has one. */
  focusFirst(within?: Element | null): void;
}

export interface FieldCheck<F extends string> extends FieldProblems {
  /** The problems in field order, for a summary. */
  readonly list: readonly { readonly field: F; readonly message: string }[];
  /** Props for a Fluent `Field`: its message and state while the problem is shown. */
  field(name: F): {
    validationMessage?: string;
    validationState?: 'error' | 'none';
    onBlur?: () => void;
  };
  /** Whether the problems are being shown (after a submit was tried). */
  readonly shown: boolean;
}

export function useFieldCheck<F extends string>(problems: Problems<F>): FieldCheck<F> {
  const [shown, setShown] = useState(false);
  const [left, setLeft] = useState<ReadonlySet<string>>(new Set());
  const list = useMemo(
    () =>
      (Object.entries(problems) as [F, string | null | undefined][])
        .filter((entry): entry is [F, string] => typeof entry[1] === 'string' && entry[1] !== '')
        .map(([field, message]) => ({ field, message })),
    [problems],
  );
  const focusFirst = useCallback((within?: Element | null) => {
    setShown(true);
    // After the messages render, the first field marked invalid gets the focus.
    requestAnimationFrame(() => {
      const scope: ParentNode = within ?? document;
      const first = scope.querySelector<HTMLElement>('[aria-invalid="true"]');
      first?.focus();
    });
  }, []);
  return {
    count: list.length,
    list,
    shown,
    focusFirst,
    field(name) {
      const message = problems[name];
      const visible = typeof message === 'string' && message !== '' && (shown || left.has(name));
      return {
        ...(visible ? { validationMessage: message, validationState: 'error' as const } : {}),
        onBlur: () => setLeft((current) => (current.has(name) ? current : new Set([...current, name]))),
      };
    },
  };
}
