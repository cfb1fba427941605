/**
 * The section editor: a contenteditable area whose DOM is read back into the closed RichText model on
 * every change. React never renders inside it; it is filled from the model with createElement when a
 * version loads, and a paste is converted to the model first and inserted as nodes built from it.
 */
import {
  Button,
  Field,
  Input,
  makeStyles,
  Toolbar,
  ToolbarButton,
  ToolbarDivider,
  tokens,
} from '@fluentui/react-components';
import { useLayoutEffect, useRef, useState, type ClipboardEvent, type DragEvent } from 'react';
import { isSafeHref } from '../../../domain/documents/text-runs.js';
import type { RichText } from '../../../domain/sections/rich-text.js';
import { richTextFromDom } from '../../rich-text/from-dom.js';
import { richTextFromHtml, richTextFromPlain } from '../../rich-text/paste.js';
import { richTextNodes } from '../../rich-text/to-dom.js';

const useStyles = makeStyles({
  // The toolbar wraps onto a second line in a narrow column rather than spilling into the next one.
  toolbar: { flexWrap: 'wrap', maxWidth: '100%', boxSizing: 'border-box' },
  area: {
    minHeight: '280px',
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    lineHeight: tokens.lineHeightBase400,
    overflowWrap: 'anywhere',
    // A pasted table wider than a phone scrolls inside the editor; the page never scrolls sideways.
    overflowX: 'auto',
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
    '& table': { borderCollapse: 'collapse', marginBlock: tokens.spacingVerticalS },
    '& td, & th': {
      border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
      padding: tokens.spacingHorizontalXS,
      minWidth: '48px',
    },
    '& a': { color: tokens.colorBrandForegroundLink },
    // Headings on the app's type ramp, not the browser's (a pasted Word "Heading 1" is no bigger than the page's).
    '& h2': {
      fontSize: tokens.fontSizeBase500,
      lineHeight: tokens.lineHeightBase500,
      marginBlock: tokens.spacingVerticalS,
    },
    '& h3': {
      fontSize: tokens.fontSizeBase400,
      lineHeight: tokens.lineHeightBase400,
      marginBlock: tokens.spacingVerticalS,
    },
    '& h4': {
      fontSize: tokens.fontSizeBase300,
      lineHeight: tokens.lineHeightBase300,
      marginBlock: tokens.spacingVerticalXS,
    },
  },
  link: { display: 'flex', alignItems: 'flex-end', gap: tokens.spacingHorizontalS },
});

/** The top-level block of the editor that holds a node, if any. */
function topBlock(root: HTMLElement, node: Node | null): HTMLElement | null {
  let current: Node | null = node;
  while (current && current.parentNode !== root) current = current.parentNode;
  return current instanceof HTMLElement ? current : null;
}

function insertContent(root: HTMLElement, content: RichText): void {
  if (content.length === 0) return;
  const doc = root.ownerDocument;
  const selection = doc.getSelection();
  let range = selection && selection.rangeCount > 0 ? selection.getRangeAt(0) : null;
  if (!range || !root.contains(range.commonAncestorContainer)) {
    range = doc.createRange();
    range.selectNodeContents(root);
    range.collapse(false);
  }
  range.deleteContents();
  const blocks = richTextNodes(doc, content);
  const only = blocks.length === 1 && content[0]?.type === 'paragraph' ? blocks[0]! : null;
  let last: Node | null;
  if (only) {
    // A phrase pasted into a paragraph stays part of it.
    const nodes = Array.from(only.childNodes);
    const fragment = doc.createDocumentFragment();
    fragment.append(...nodes);
    last = nodes[nodes.length - 1] ?? null;
    range.insertNode(fragment);
  } else {
    const host = topBlock(root, range.startContainer);
    if (host) {
      // Split the block at the caret, and put the pasted blocks between the halves.
      const tail = doc.createRange();
      tail.setStart(range.startContainer, range.startOffset);
      tail.setEnd(host, host.childNodes.length);
      const rest = tail.extractContents();
      const after = host.cloneNode(false) as HTMLElement;
      after.append(rest);
      host.after(...blocks);
      if ((after.textContent ?? '').trim() !== '') blocks[blocks.length - 1]!.after(after);
      if ((host.textContent ?? '').trim() === '' && host.querySelector('table, img') === null) host.remove();
    } else {
      const fragment = doc.createDocumentFragment();
      fragment.append(...blocks);
      range.insertNode(fragment);
    }
    last = blocks[blocks.length - 1] ?? null;
  }
  if (last && selection) {
    const caret = doc.createRange();
    caret.selectNodeContents(last);
    caret.collapse(false);
    selection.removeAllRanges();
    selection.addRange(caret);
  }
}

export function RichTextEditor(props: {
  /** The content to show; replaced in the editor only when `generation` changes. */
  initial: RichText;
  generation: number;
  labelId: string;
  describedBy?: string;
  onChange: (content: RichText) => void;
}) {
  const styles = useStyles();
  const area = useRef<HTMLDivElement>(null);
  const savedRange = useRef<Range | null>(null);
  const [linking, setLinking] = useState(false);
  const [href, setHref] = useState('https://');
  const [linkProblem, setLinkProblem] = useState<string | null>(null);
  const { initial, generation, onChange } = props;

  useLayoutEffect(() => {
    const el = area.current;
    if (!el) return;
    el.replaceChildren(...richTextNodes(el.ownerDocument, initial));
    if (initial.length === 0) el.append(el.ownerDocument.createElement('p'));
    // initial is read only when a new generation is loaded
    // (the editor's own DOM is the source of truth between generations).
  }, [generation]);

  const read = () => {
    if (area.current) onChange(richTextFromDom(area.current));
  };

  const paste = (html: string, text: string) => {
    if (!area.current) return;
    insertContent(area.current, html ? richTextFromHtml(html) : richTextFromPlain(text));
    read();
  };

  const onPaste = (event: ClipboardEvent<HTMLDivElement>) => {
    event.preventDefault();
    paste(event.clipboardData.getData('text/html'), event.clipboardData.getData('text/plain'));
  };

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    paste(event.dataTransfer.getData('text/html'), event.dataTransfer.getData('text/plain'));
  };

  const command = (name: string, value?: string) => {
    area.current?.focus();
    document.execCommand(name, false, value);
    read();
  };

  const startLink = () => {
    const selection = document.getSelection();
    savedRange.current =
      selection && selection.rangeCount > 0 && area.current?.contains(selection.anchorNode ?? null)
        ? selection.getRangeAt(0).cloneRange()
        : null;
    setLinkProblem(
      savedRange.current && !savedRange.current.collapsed ? null : 'Select the words to link first.',
    );
    setLinking(true);
  };

  const addLink = () => {
    const target = href.trim();
    if (!isSafeHref(target)) {
      setLinkProblem('Links must be web (https://…) or email (mailto:…) addresses.');
      return;
    }
    const range = savedRange.current;
    if (!range || range.collapsed) {
      setLinkProblem('Select the words to link first.');
      return;
    }
    area.current?.focus();
    const selection = document.getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
    document.execCommand('createLink', false, target);
    setLinking(false);
    read();
  };

  const keep = (event: { preventDefault(): void }) => event.preventDefault(); // keep the selection in the text
  return (
    <>
      <Toolbar aria-label="Formatting" size="small" className={styles.toolbar}>
        <ToolbarButton onMouseDown={keep} onClick={() => command('bold')}>
          <strong>Bold</strong>
        </ToolbarButton>
        <ToolbarButton onMouseDown={keep} onClick={() => command('italic')}>
          <em>Italic</em>
        </ToolbarButton>
        <ToolbarDivider />
        <ToolbarButton onMouseDown={keep} onClick={() => command('formatBlock', 'h3')}>
          Heading
        </ToolbarButton>
        <ToolbarButton onMouseDown={keep} onClick={() => command('formatBlock', 'h4')}>
          Subheading
        </ToolbarButton>
        <ToolbarButton onMouseDown={keep} onClick={() => command('formatBlock', 'p')}>
          Paragraph
        </ToolbarButton>
        <ToolbarDivider />
        <ToolbarButton onMouseDown={keep} onClick={() => command('insertUnorderedList')}>
          Bullets
        </ToolbarButton>
        <ToolbarButton onMouseDown={keep} onClick={() => command('insertOrderedList')}>
          Numbering
        </ToolbarButton>
        <ToolbarButton onMouseDown={keep} onClick={startLink}>
          Link
        </ToolbarButton>
      </Toolbar>
      {linking && (
        <div className={styles.link}>
          <Field
            label="Link address"
            validationMessage={linkProblem ?? undefined}
            validationState={linkProblem ? 'warning' : 'none'}
          >
            <Input value={href} onChange={(_e, d) => setHref(d.value)} type="url" />
          </Field>
          <Button onClick={addLink}>Add link</Button>
          <Button onClick={() => setLinking(false)}>Cancel</Button>
        </div>
      )}
      <div
        ref={area}
        className={styles.area}
        contentEditable
        suppressContentEditableWarning
        role="textbox"
        aria-multiline="true"
        aria-labelledby={props.labelId}
        aria-describedby={props.describedBy}
        spellCheck
        lang="en-GB"
        data-testid="section-editor"
        onInput={read}
        onPaste={onPaste}
        onDrop={onDrop}
        onFocus={() => document.execCommand('defaultParagraphSeparator', false, 'p')}
      />
    </>
  );
}
