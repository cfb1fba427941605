/**
 * RichText as React elements. Text goes in as text nodes and links only with an href the model already
 * accepted, so whatever a section holds is shown, never run.
 */
import { makeStyles } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { isSafeHref } from '../../domain/documents/text-runs.js';
import type { Block, Inline, RichText } from '../../domain/sections/rich-text.js';

function run(inline: Inline, key: number): ReactNode {
  let node: ReactNode = inline.text;
  if (inline.italic) node = <em>{node}</em>;
  if (inline.bold) node = <strong>{node}</strong>;
  if (inline.type === 'link' && isSafeHref(inline.href)) {
    return (
      <a key={key} href={inline.href} target="_blank" rel="noopener noreferrer">
        {node}
      </a>
    );
  }
  return <span key={key}>{node}</span>;
}

const runs = (inlines: readonly Inline[]): ReactNode[] => inlines.map(run);

// A table written into a section keeps its columns (WCAG's reflow exempts content that needs two
// dimensions); on a narrow screen it scrolls inside its own frame, which takes focus so it can be scrolled
// from the keyboard, and the page itself never scrolls sideways.
const useStyles = makeStyles({
  scroller: { maxWidth: '100%', overflowX: 'auto' },
  text: { overflowWrap: 'anywhere' },
});

function block(b: Block, key: number, scroller: string): ReactNode {
  switch (b.type) {
    case 'paragraph':
      return <p key={key}>{runs(b.children)}</p>;
    case 'heading': {
      const Tag = b.level === 2 ? 'h2' : b.level === 3 ? 'h3' : 'h4';
      return <Tag key={key}>{runs(b.children)}</Tag>;
    }
    case 'list': {
      const Tag = b.ordered ? 'ol' : 'ul';
      return (
        <Tag key={key}>
          {b.items.map((item, i) => (
            <li key={i}>{runs(item)}</li>
          ))}
        </Tag>
      );
    }
    case 'table': {
      const [head, ...body] = b.headerRow ? b.rows : [undefined, ...b.rows];
      return (
        <div key={key} className={scroller} role="region" aria-label="Table" tabIndex={0}>
          <table>
            {head && (
              <thead>
                <tr>
                  {head.map((cell, i) => (
                    <th key={i} scope="col">
                      {runs(cell)}
                    </th>
                  ))}
                </tr>
              </thead>
            )}
            <tbody>
              {body.map((row, r) => (
                <tr key={r}>
                  {row?.map((cell, c) => (
                    <td key={c}>{runs(cell)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
    }
  }
}

export function RichTextView({ content, empty }: { content: RichText; empty?: string }) {
  const styles = useStyles();
  if (content.length === 0) return <p>{empty ?? 'Nothing written yet.'}</p>;
  return <div className={styles.text}>{content.map((b, key) => block(b, key, styles.scroller))}</div>;
}
