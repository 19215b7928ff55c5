/** Colours for lanes an imported file (CSV, TimelineJS) brings in without a colour of its own. */
export const LANE_PALETTE = [
  '#2e6fba',
  '#c0392b',
  '#27865f',
  '#8e44ad',
  '#d35400',
  '#16839c',
  '#b7950b',
  '#6d4c41',
] as const;
