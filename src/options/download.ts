/** Saves `text` as a file through the browser's own download, from memory: nothing is sent anywhere. */
export function downloadFile(name: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own copy by the time the click returns; the next task can let the Blob go.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
