/**
 * Registers `<at-incident-log>`. Import this file (`@all-together/components/at-incident-log.js`)
 * once; importing the class alone registers nothing.
 *
 * @module
 */
import { defineElement } from '../shared/define.js';
import { AtIncidentLog } from './incident-log.js';
import { AtIncidentSelectEvent, type AtIncidentSelectDetail } from './incident-log.events.js';

defineElement('at-incident-log', AtIncidentLog);

export { AtIncidentLog, AtIncidentSelectEvent, type AtIncidentSelectDetail };

declare global {
  interface HTMLElementTagNameMap {
    'at-incident-log': AtIncidentLog;
  }
}
