/**
 * The import and export formats, loaded with the first import or export rather than at start:
 * their parsers (Markwhen's, iCalendar's, CSV's and chrono's date reading) take about 190 ms to
 * load, which every start of the main process and of the document worker would pay otherwise.
 * scripts/check-build.ts checks that the built start-up code does not load them.
 */
import type * as Formats from '../shared/formats';

export const loadFormats = (): Promise<typeof Formats> => import('../shared/formats');
