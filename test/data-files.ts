/// <reference types="vite/client" />
// The committed data files as text, through Vite's ?raw imports: shared tests use no node:*.
import seedArticle from '../data/seed-article.id.txt?raw';
import seedTimeline from '../data/seed-timeline.json?raw';
import timelineSchema from '../data/timeline.schema.json?raw';

const files = {
  'seed-article.id.txt': seedArticle,
  'seed-timeline.json': seedTimeline,
  'timeline.schema.json': timelineSchema,
} as const;

/** The committed text of a file under data/, byte for byte. */
export function readDataFile(name: keyof typeof files): string {
  return files[name];
}
