/** Path data for the toolbar's 16×16 stroked icons (our constants, never user data), by name. */
import type { IconName } from '../../../shared/user-commands';

const SEARCH = ['M7 3.5a3.5 3.5 0 1 0 0 7 3.5 3.5 0 1 0 0-7', 'M10 10l3.5 3.5'];

export const ICONS: Readonly<Record<IconName, readonly string[]>> = {
  plus: ['M8 3v10', 'M3 8h10'],
  followUp: ['M3 4v4a3 3 0 0 0 3 3h7', 'M10 8l3 3-3 3'],
  trash: ['M3 4.5h10', 'M6.5 4.5V3h3v1.5', 'M4.5 4.5l.7 8.5h5.6l.7-8.5'],
  save: ['M3 3h8l2 2v8H3z', 'M5.5 3v3h4V3', 'M5.5 13V9.5h5V13'],
  zoomIn: ['M7 3.5a3.5 3.5 0 1 0 0 7 3.5 3.5 0 1 0 0-7', 'M10 10l3.5 3.5', 'M5.5 7h3', 'M7 5.5v3'],
  zoomOut: ['M7 3.5a3.5 3.5 0 1 0 0 7 3.5 3.5 0 1 0 0-7', 'M10 10l3.5 3.5', 'M5.5 7h3'],
  fit: ['M2.5 6V2.5H6', 'M10 2.5h3.5V6', 'M13.5 10v3.5H10', 'M6 13.5H2.5V10'],
  download: ['M8 2.5v7', 'M5 6.5l3 3 3-3', 'M3 11v2.5h10V11'],
  upload: ['M8 9.5v-7', 'M5 5.5l3-3 3 3', 'M3 11v2.5h10V11'],
  undo: ['M5.5 3.5L2.5 6.5l3 3', 'M2.5 6.5h7a3.5 3.5 0 0 1 0 7H7'],
  redo: ['M10.5 3.5l3 3-3 3', 'M13.5 6.5h-7a3.5 3.5 0 0 0 0 7H9'],
  restore: ['M2.5 8a5.5 5.5 0 1 0 1.6-3.9', 'M2.5 2.5v3h3', 'M8 5v3l2 1.5'],
  search: SEARCH,
  searchNext: [...SEARCH, 'M12 2.5l1.5 1.5-1.5 1.5'],
  searchPrevious: [...SEARCH, 'M13.5 2.5L12 4l1.5 1.5'],
  timeline: ['M2.5 13.5h11', 'M3.5 4h5', 'M6 7h6.5', 'M4.5 10h4'],
  list: ['M2.5 4h.01', 'M5.5 4h8', 'M2.5 8h.01', 'M5.5 8h8', 'M2.5 12h.01', 'M5.5 12h8'],
  copy: ['M5.5 5.5h7v8h-7z', 'M3.5 10.5v-8h7'],
};

/** The "More" menu's button: three dots. */
export const MORE_ICON = ['M3.5 8h.01', 'M8 8h.01', 'M12.5 8h.01'];
