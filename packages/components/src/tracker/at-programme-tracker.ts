/**
 * Registers `<at-programme-tracker>`. Import this file
 * (`@all-together/components/at-programme-tracker.js`) once; importing the class alone registers
 * nothing.
 *
 * @module
 */
import { defineElement } from '../shared/define.js';
import { AtProgrammeTracker } from './programme-tracker.js';
import {
  AtSchoolSelectEvent,
  AtTrackerDownloadEvent,
  type AtSchoolSelectDetail,
  type AtTrackerDownloadDetail,
} from './programme-tracker.events.js';

defineElement('at-programme-tracker', AtProgrammeTracker);

export {
  AtProgrammeTracker,
  AtSchoolSelectEvent,
  AtTrackerDownloadEvent,
  type AtSchoolSelectDetail,
  type AtTrackerDownloadDetail,
};

declare global {
  interface HTMLElementTagNameMap {
    'at-programme-tracker': AtProgrammeTracker;
  }
}
