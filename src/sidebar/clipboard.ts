/**
 * Writes text (and HTML when given) to the clipboard from the sidebar frame. The async Clipboard API needs
 * the page to delegate `clipboard-write` to the frame, which the content script asks for; when a host page's
 * permissions policy refuses it, a copy event on a hidden selection does the same job.
 */
export async function copyToClipboard(text: string, html?: string): Promise<void> {
  try {
    if (html !== undefined && typeof ClipboardItem !== 'undefined') {
      await navigator.clipboard.write([
        new ClipboardItem({
          'text/plain': new Blob([text], { type: 'text/plain' }),
          'text/html': new Blob([html], { type: 'text/html' }),
        }),
      ]);
    } else {
      await navigator.clipboard.writeText(text);
    }
    return;
  } catch {
    copyWithCommand(text, html);
  }
}

function copyWithCommand(text: string, html?: string): void {
  const onCopy = (event: ClipboardEvent) => {
    event.preventDefault();
    event.clipboardData?.setData('text/plain', text);
    if (html !== undefined) event.clipboardData?.setData('text/html', html);
  };
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.append(area);
  area.select();
  document.addEventListener('copy', onCopy, { once: true });
  const ok = document.execCommand('copy');
  document.removeEventListener('copy', onCopy);
  area.remove();
  if (!ok) throw new Error('The browser refused to copy.');
}
