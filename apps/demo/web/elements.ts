/**
 * The SDK's elements, registered through the components package's public exports only.
 */
import '@all-together/components/at-questionnaire.js';
import '@all-together/components/at-audit.js';
import '@all-together/components/at-action-plan.js';
import '@all-together/components/at-results.js';
import '@all-together/components/at-exit-this-page.js';
import '@all-together/components/at-programme-tracker.js';
import '@all-together/components/at-award-readiness.js';
import '@all-together/components/at-evidence.js';
import '@all-together/components/at-moderation.js';
import '@all-together/components/at-incident-log.js';
import '@all-together/components/at-incident-form.js';
