import type { InputFile } from '../knowledge/store/import';

/**
 * The files a user gives the options page, by drop (files, or whole folders of Markdown) or by the file and
 * folder pickers, read with their progress in bytes so that a large export shows it is moving.
 */

export interface PickedFile {
  /** Its path within the folder given, or its name. */
  name: string;
  file: File;
}

function entryFiles(entry: FileSystemEntry, path: string): Promise<PickedFile[]> {
  if (entry.isFile) {
    return new Promise((resolve, reject) => (entry as FileSystemFileEntry).file((file) => resolve([{ name: path, file }]), reject));
  }
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  const batches: Promise<PickedFile[]>[] = [];
  // readEntries answers in batches (a hundred in Chromium) until it answers with none.
  return new Promise((resolve, reject) => {
    const next = () =>
      reader.readEntries((entries) => {
        if (entries.length === 0) {
          void Promise.all(batches).then((lists) => resolve(lists.flat()), reject);
          return;
        }
        for (const child of entries) batches.push(entryFiles(child, `${path}/${child.name}`));
        next();
      }, reject);
    next();
  });
}

/** The files of a drop: folders are read through, each file named by its path in the folder dropped. */
export async function droppedFiles(transfer: DataTransfer): Promise<PickedFile[]> {
  const entries = [...transfer.items].flatMap((item) => (item.kind === 'file' ? (item.webkitGetAsEntry() ?? []) : []));
  if (entries.length === 0) return [...transfer.files].map((file) => ({ name: file.name, file }));
  return (await Promise.all(entries.map((entry) => entryFiles(entry, entry.name)))).flat();
}

/** The files of a file or folder picker (a folder's files carry their path in it). */
export function pickedFiles(list: FileList | null): PickedFile[] {
  return [...(list ?? [])].map((file) => ({ name: file.webkitRelativePath || file.name, file }));
}

/** What a set of files is called as a source: the folder they came from, the one file, or the first and how many more. */
export function sourceName(files: readonly PickedFile[]): string {
  const first = files[0]?.name ?? '';
  const folder = first.includes('/') ? first.split('/')[0] : undefined;
  if (folder && files.every((f) => f.name.startsWith(`${folder}/`))) return `${folder}/`;
  return files.length === 1 ? first : `${first} (+${files.length - 1})`;
}

/** Reads the files' bytes, saying how many of all their bytes are read. */
export async function readFiles(files: readonly PickedFile[], onBytes: (read: number, total: number) => void): Promise<InputFile[]> {
  const total = files.reduce((sum, { file }) => sum + file.size, 0);
  let read = 0;
  const out: InputFile[] = [];
  for (const { name, file } of files) {
    const chunks: Uint8Array[] = [];
    const reader = file.stream().getReader();
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      chunks.push(chunk.value);
      read += chunk.value.length;
      onBytes(read, total);
    }
    const bytes = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
    let at = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, at);
      at += chunk.length;
    }
    out.push({ name, bytes });
  }
  return out;
}
