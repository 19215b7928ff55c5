/**
 * Makes the window follow the zone times are shown in: the axis corner says it, and the
 * timeline, the chronology and the editor give their times in it, and a date filter's days begin
 * at its midnights. Calendar dates do not move.
 */
import type { DisplayZone } from '../state/display-zone';

export interface ZoneFollowers {
  /** The corner over the lane labels that names the axis's zone. */
  readonly corner: HTMLElement;
  readonly timeline: { setZone(zone: string): void };
  readonly chronology: { setZone(zone: string): void };
  readonly editor: { refreshDates(): void };
  /** The filter: a date range's days begin at midnight in the zone, for times. */
  readonly filter: { setZone(zone: string): void };
}

/** Shows the zone now and after each change; returns how to stop following. */
export function followZone(zone: DisplayZone, followers: ZoneFollowers): () => void {
  const show = (): void => {
    followers.corner.textContent = `Axis in ${zone.name()}`;
    followers.timeline.setZone(zone.zone);
    followers.chronology.setZone(zone.zone);
    followers.editor.refreshDates();
    followers.filter.setZone(zone.zone);
  };
  show();
  return zone.onChange(show);
}
