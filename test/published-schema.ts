import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

import schemaJson from '../data/timeline.schema.json' with { type: 'json' };

/** A validator for data/timeline.schema.json, as another tool would use it (formats included). */
export function publishedSchemaValidator() {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  return ajv.compile(schemaJson);
}
