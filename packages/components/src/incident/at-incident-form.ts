/**
 * Registers `<at-incident-form>`. Import this file (`@all-together/components/at-incident-form.js`)
 * once; importing the class alone registers nothing.
 *
 * @module
 */
import { defineElement } from '../shared/define.js';
import { AtIncidentForm } from './incident-form.js';
import {
  AtIncidentChangeEvent,
  AtIncidentInvalidEvent,
  AtIncidentSaveEvent,
  type AtIncidentChangeDetail,
  type AtIncidentInvalidDetail,
  type AtIncidentSaveDetail,
} from './incident-form.events.js';

defineElement('at-incident-form', AtIncidentForm);

export {
  AtIncidentForm,
  AtIncidentChangeEvent,
  AtIncidentInvalidEvent,
  AtIncidentSaveEvent,
  type AtIncidentChangeDetail,
  type AtIncidentInvalidDetail,
  type AtIncidentSaveDetail,
};

declare global {
  interface HTMLElementTagNameMap {
    'at-incident-form': AtIncidentForm;
  }
}
