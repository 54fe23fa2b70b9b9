import { vi } from 'vitest';

export interface Download {
  name: string;
  text: string;
}

/**
 * Catches what src/options/download.ts saves, in a DOM test: each file's name and text, in the order saved.
 * The spies it sets go with `vi.restoreAllMocks()`.
 */
export function captureDownloads(): Download[] {
  const downloads: Download[] = [];
  const blobs = new Map<string, Blob>();
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    const url = `blob:test/${blobs.size}`;
    blobs.set(url, blob as Blob);
    return url;
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    void blobs.get(this.href)!.text().then((text) => downloads.push({ name: this.download, text }));
  });
  return downloads;
}
