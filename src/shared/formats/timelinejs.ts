/**
 * TimelineJS (Knight Lab) JSON: one slide per event, with the timeline's title slide.
 * - Dates are written as UTC parts at the event's precision (year; +month; +day; +hour and
 *   minute; +second). TimelineJS builds its dates from the parts in the reader's local time, so
 *   the parts are the UTC clock; times also get a display_date that says "UTC".
 * - TimelineJS shows headline and text as HTML, so our text is escaped; newlines become <br>
 *   and the sources follow the description as a list. `group` is the lane's title, escaped twice
 *   because TimelineJS strips markup from it (decoding it once) and then shows it as HTML.
 * - What TimelineJS has no field for rides along under the key `timeline_desk`, which TimelineJS
 *   ignores: the whole event on each slide, and the timeline and its lanes at the top. Import
 *   takes from there what the visible fields no longer say differently, so export then import
 *   is the identity, and an edited headline, date, text or group still wins.
 */

export {
  type TimelineDeskExtra,
  type TimelineJsDate,
  type TimelineJsDocument,
  type TimelineJsEvent,
  type TimelineJsText,
  toTimelineJs,
  toTimelineJsText,
} from './timelinejs-export';
export { fromTimelineJs } from './timelinejs-import';
