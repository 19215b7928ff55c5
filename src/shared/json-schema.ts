import { z } from 'zod';

import { TimelineDocumentSchema } from './schema';

/** The published JSON Schema of the document, as the text of data/timeline.schema.json. */
export function timelineJsonSchemaText(): string {
  const schema = z.toJSONSchema(TimelineDocumentSchema, {
    target: 'draft-2020-12',
    io: 'input',
    unrepresentable: 'any',
  });
  const published = {
    ...schema,
    $id: 'https://timeline-desk.invalid/timeline.schema.json',
  };
  return `${JSON.stringify(published, null, 2)}\n`;
}
