// Writes data/timeline.schema.json from the zod schema (npm run schema); a test fails on drift.
import { writeFileSync } from 'node:fs';

import { timelineJsonSchemaText } from '../src/shared/json-schema';

writeFileSync(new URL('../data/timeline.schema.json', import.meta.url), timelineJsonSchemaText());
console.log('wrote data/timeline.schema.json');
