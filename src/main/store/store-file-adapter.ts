/** lowdb's adapter for the store file: compact JSON text, written atomically with retries. */
import type { Adapter } from 'lowdb';

import {
  type AtomicWriteOptions,
  type FileText,
  nodeWriteOps,
  writeFileAtomic,
  type WriteOps,
} from './atomic-write';
import type { EventJsonCache } from './event-json';
import { type StoreSnapshot, storeTextParts } from './store-text';

/** lowdb's adapter for the store file: compact JSON, written atomically with retries. */
export class StoreFileAdapter implements Adapter<StoreSnapshot> {
  /** The text of the last write, for the backups. */
  lastText: FileText = '';

  constructor(
    private readonly path: string,
    private readonly json: EventJsonCache,
    private readonly options: AtomicWriteOptions,
  ) {}

  /** The file operations of every write: the journal's appends use them too. */
  get ops(): WriteOps {
    return this.options.ops ?? nodeWriteOps;
  }

  get retryDelaysMs(): readonly number[] | undefined {
    return this.options.retryDelaysMs;
  }

  async read(): Promise<StoreSnapshot | null> {
    throw new Error('The store is read by store-file.ts, which validates it');
  }

  async write(snapshot: StoreSnapshot): Promise<void> {
    // Compact JSON: the store is for the app, exports are for people.
    const text = await storeTextParts(snapshot, this.json);
    await writeFileAtomic(this.path, text, this.options);
    this.lastText = text;
  }
}

export function fileTextLength(text: FileText): number {
  if (typeof text === 'string') return text.length;
  let length = 0;
  for (const part of text) length += part.length;
  return length;
}
