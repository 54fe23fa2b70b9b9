import type { InsertResult, InsertTarget } from '../model/messages';
import { inOnePass, isShown, queryAll } from './dom';
import { ticketKey, ticketRoot } from './page';
import type { Adapter, ComposerMode, EditorSpec } from './types';

export interface InsertContent {
  text: string;
  /**
   * Rich version of `text`, already sanitised by the sidebar (src/sidebar/safe-html.ts): pasted into editors
   * that run pastes through their own pipeline, inserted with `insertHTML` into other rich editors.
   */
  html?: string;
}

type Editable = HTMLElement | HTMLTextAreaElement;

const EDITABLE_INSIDE = '[contenteditable="true"], [contenteditable=""], [contenteditable="plaintext-only"], textarea';
const BLOCK = /^(p|div|h[1-6]|ul|ol|blockquote|pre)$/;

function isEditable(el: Element): el is Editable {
  if (el.localName === 'textarea') {
    const area = el as HTMLTextAreaElement;
    return !area.disabled && !area.readOnly;
  }
  const flag = el.getAttribute('contenteditable');
  return flag === '' || flag === 'true' || flag === 'plaintext-only';
}

function findEditor(root: Element, spec: EditorSpec): Editable | null {
  for (const selector of spec.selectors) {
    for (const match of queryAll(root, selector)) {
      if (!isShown(match)) continue;
      if (isEditable(match)) return match;
      const inner = queryAll(match, EDITABLE_INSIDE).find((el) => isEditable(el) && isShown(el));
      if (inner) return inner as Editable;
    }
  }
  return null;
}

function attempt<T>(run: () => T): T | undefined {
  try {
    return run();
  } catch {
    return undefined;
  }
}

/** Puts the caret where the text goes: the agent's caret if it is in the editor (never over a selection), else the end. */
function placeCaret(doc: Document, editor: HTMLElement): { appending: boolean } {
  const selection = doc.getSelection();
  const current = selection && selection.rangeCount > 0 ? selection.getRangeAt(0) : null;
  const inside = current !== null && editor.contains(current.startContainer) && editor.contains(current.endContainer);
  const range = inside ? current.cloneRange() : doc.createRange();
  if (!inside) range.selectNodeContents(editor);
  range.collapse(false);
  editor.focus({ preventScroll: true });
  selection?.removeAllRanges();
  selection?.addRange(range);
  // Editors that mirror the DOM selection into a model (CKEditor 5) update it on `selectionchange`, which the
  // browser fires only later; without this the paste below would land where the editor last thought it was.
  doc.dispatchEvent(new Event('selectionchange'));
  return { appending: !inside };
}

/** A synthetic paste, for editors that run pasted content through their own pipeline and cancel the event. */
function paste(win: Window & typeof globalThis, target: Element, text: string, html?: string): boolean {
  if (typeof win.DataTransfer !== 'function' || typeof win.ClipboardEvent !== 'function') return false;
  const data = new win.DataTransfer();
  data.setData('text/plain', text);
  if (html !== undefined) data.setData('text/html', html);
  const event = new win.ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true, composed: true });
  // An engine that ignores `clipboardData` in the init would hand the editor an empty paste.
  if (!event.clipboardData) return false;
  return !target.dispatchEvent(event);
}

/** The focused element in the editor's own tree: a document reports only the shadow host of a focused element. */
function activeIn(editor: Editable): Element | null {
  const root = editor.getRootNode() as Document | ShadowRoot;
  return root.activeElement ?? null;
}

/**
 * The browser's own editing command: it fires `beforeinput` and `input` and keeps the editor's undo history.
 * `insertHTML` keeps the answer's paragraphs, lists, links and direction; `insertText` is plain text.
 */
function execInsert(doc: Document, editor: Editable, command: 'insertText' | 'insertHTML', value: string): boolean {
  if (typeof doc.execCommand !== 'function') return false;
  const active = activeIn(editor);
  if (!active || (active !== editor && !editor.contains(active))) return false;
  const before = editor.localName === 'textarea' ? (editor as HTMLTextAreaElement).value : editor.textContent;
  const done = attempt(() => doc.execCommand(command, false, value)) === true;
  const after = editor.localName === 'textarea' ? (editor as HTMLTextAreaElement).value : editor.textContent;
  return done && after !== before;
}

function textFragment(doc: Document, text: string): DocumentFragment {
  const fragment = doc.createDocumentFragment();
  text.split('\n').forEach((line, index) => {
    if (index > 0) fragment.append(doc.createElement('br'));
    if (line) fragment.append(doc.createTextNode(line));
  });
  return fragment;
}

/** Paragraph elements like the editor's own, for text added after what the agent wrote. */
function paragraphs(doc: Document, tag: string, text: string): DocumentFragment {
  const fragment = doc.createDocumentFragment();
  for (const block of text.split(/\n{2,}/)) {
    const paragraph = doc.createElement(tag);
    paragraph.append(textFragment(doc, block));
    fragment.append(paragraph);
  }
  return fragment;
}

function inputEvent(win: Window & typeof globalThis, type: 'beforeinput' | 'input', text: string): Event {
  return new win.InputEvent(type, { inputType: 'insertText', data: text, bubbles: true, cancelable: type === 'beforeinput', composed: true });
}

/** Last resort where the browser has no editing command: the DOM change itself, announced as `beforeinput`/`input`. */
function insertNodes(doc: Document, win: Window & typeof globalThis, editor: HTMLElement, text: string, appending: boolean): boolean {
  const before = editor.textContent;
  if (!editor.dispatchEvent(inputEvent(win, 'beforeinput', text))) return editor.textContent !== before;
  const selection = doc.getSelection();
  const last = editor.lastElementChild;
  const hasText = (editor.textContent ?? '').trim() !== '';
  let end: Node | null;
  if (appending && hasText && last && BLOCK.test(last.localName)) {
    const tag = last.localName === 'div' ? 'div' : 'p';
    const fragment = paragraphs(doc, tag, text);
    end = fragment.lastChild;
    editor.append(fragment);
  } else {
    const range = selection && selection.rangeCount > 0 ? selection.getRangeAt(0) : doc.createRange();
    if (!editor.contains(range.startContainer)) {
      range.selectNodeContents(editor);
      range.collapse(false);
    }
    const fragment = textFragment(doc, appending && hasText ? `\n\n${text}` : text);
    end = fragment.lastChild;
    range.insertNode(fragment);
  }
  if (end && selection) {
    const caret = doc.createRange();
    caret.selectNodeContents(end);
    caret.collapse(false);
    selection.removeAllRanges();
    selection.addRange(caret);
  }
  editor.dispatchEvent(inputEvent(win, 'input', text));
  return true;
}

function insertIntoContentEditable(doc: Document, editor: HTMLElement, spec: EditorSpec, content: InsertContent): boolean {
  const win = doc.defaultView as (Window & typeof globalThis) | null;
  if (!win) return false;
  const hadText = (editor.textContent ?? '').trim() !== '';
  const { appending } = placeCaret(doc, editor);
  // After the agent's own text, start a new paragraph: a leading empty one merges into the caret's paragraph.
  const separate = appending && hadText;
  const text = separate ? `\n\n${content.text}` : content.text;
  const html = content.html === undefined ? undefined : separate ? `<p></p>${content.html}` : content.html;
  const caretNode = doc.getSelection()?.focusNode ?? null;
  const target = caretNode && editor.contains(caretNode) ? (caretNode.nodeType === 1 ? (caretNode as Element) : caretNode.parentElement ?? editor) : editor;
  if (spec.handlesPaste && attempt(() => paste(win, target, text, html))) return true;
  // A plain-text editable would show the markup itself.
  const rich = html !== undefined && editor.getAttribute('contenteditable') !== 'plaintext-only';
  if (rich && execInsert(doc, editor, 'insertHTML', html)) return true;
  if (execInsert(doc, editor, 'insertText', text)) return true;
  return insertNodes(doc, win, editor, content.text, appending);
}

function insertIntoTextarea(doc: Document, area: HTMLTextAreaElement, content: InsertContent): boolean {
  const win = doc.defaultView as (Window & typeof globalThis) | null;
  if (!win) return false;
  // A textarea keeps its selection when it loses focus, so only the focused one says where the agent is.
  const focused = activeIn(area) === area;
  const at = focused ? area.selectionEnd : area.value.length;
  const text = !focused && area.value.trim() !== '' ? `${area.value.endsWith('\n') ? '\n' : '\n\n'}${content.text}` : content.text;
  area.focus({ preventScroll: true });
  area.setSelectionRange(at, at);
  if (execInsert(doc, area, 'insertText', text)) return true;
  if (!area.dispatchEvent(inputEvent(win, 'beforeinput', text))) return false;
  area.setRangeText(text, at, at, 'end');
  area.dispatchEvent(inputEvent(win, 'input', text));
  return true;
}

function choose(
  target: InsertTarget,
  reply: Editable | null,
  note: Editable | null,
  mode: ComposerMode | null,
): Editable | 'no-editor' | 'wrong-mode' {
  if (target === 'reply') {
    if (mode === 'internal') return 'wrong-mode';
    return reply ?? (note ? 'wrong-mode' : 'no-editor');
  }
  if (mode === 'public') return 'wrong-mode';
  if (!note) return reply ? 'wrong-mode' : 'no-editor';
  // One composer for both: a note goes in only when the page says it is set to internal note.
  if (note === reply && mode !== 'internal') return 'wrong-mode';
  return note;
}

/**
 * Puts text into the open ticket's own editor through the editor's input path, at the agent's caret or after
 * what the agent wrote, never over it and never into another element. `wrong-mode` when the composer is set
 * to the other kind (internal note for a reply, public reply for a note): the caller copies instead.
 */
export function insertIntoEditor(adapter: Adapter, doc: Document, target: InsertTarget, content: InsertContent): InsertResult {
  try {
    return inOnePass(() => insertIntoOpenTicket(adapter, doc, target, content));
  } catch {
    return { ok: false, reason: 'error' };
  }
}

function insertIntoOpenTicket(adapter: Adapter, doc: Document, target: InsertTarget, content: InsertContent): InsertResult {
  const editors = adapter.editors;
  if (!editors) return { ok: false, reason: 'no-editor' };
  const key = ticketKey(adapter.page, new URL(doc.URL));
  const root = key === null ? null : ticketRoot(adapter, doc, key);
  if (!root) return { ok: false, reason: 'no-editor' };
  const reply = findEditor(root, editors.reply);
  const note = editors.note ? findEditor(root, editors.note) : null;
  const mode = editors.mode ? (attempt(() => editors.mode!(root)) ?? null) : null;
  const editor = choose(target, reply, note, mode);
  if (typeof editor === 'string') return { ok: false, reason: editor };
  const spec = editor === reply ? editors.reply : (editors.note ?? editors.reply);
  // A classic ServiceNow form's editor lives in a frame's document: edit it through its own document.
  const own = editor.ownerDocument;
  const done =
    editor.localName === 'textarea'
      ? insertIntoTextarea(own, editor as HTMLTextAreaElement, content)
      : insertIntoContentEditable(own, editor as HTMLElement, spec, content);
  return done ? { ok: true } : { ok: false, reason: 'error' };
}
