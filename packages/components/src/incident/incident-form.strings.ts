/**
 * UI strings of `<at-incident-form>`: the keys, their parameters, and the British English text.
 * The choices of the model's lists are chosen through complete, typed tables in
 * `incident-form.words.ts`, so a value the model adds without a string here fails the type check.
 *
 * @module
 */
import type { Message } from '../shared/i18n.js';

type None = Record<string, never>;

/** The parameters each `<at-incident-form>` string takes. */
export interface IncidentFormStringParams {
  readonly incidentFormHeading: None;
  readonly incidentFormHeadingRecord: None;
  readonly incidentFormNoNames: None;
  readonly incidentFormRestored: None;
  readonly incidentFormErrorTitle: None;
  readonly incidentFormErrorPrefix: None;
  readonly incidentFormChoose: None;
  readonly incidentFormAllegationHeading: None;
  readonly incidentFormOccurredOn: None;
  readonly incidentFormOccurredAt: None;
  readonly incidentFormOccurredAtHint: None;
  readonly incidentFormLocation: None;
  readonly incidentFormReportedBy: None;
  readonly incidentFormAlleged: None;
  readonly incidentFormAllegedHint: None;
  readonly incidentFormPeopleHeading: None;
  readonly incidentFormPeopleHint: None;
  readonly incidentFormRefsTarget: None;
  readonly incidentFormRefsPerpetrator: None;
  readonly incidentFormRefsWitness: None;
  readonly incidentFormRole: None;
  readonly incidentFormRolePupil: None;
  readonly incidentFormRoleStaff: None;
  readonly incidentFormRoleParent: None;
  readonly incidentFormRoleOther: None;
  readonly incidentFormDecisionHeading: None;
  readonly incidentFormStatus: None;
  readonly incidentFormStatusHint: None;
  readonly incidentFormStatusAllegation: None;
  readonly incidentFormStatusSubstantiated: None;
  readonly incidentFormStatusNotSubstantiated: None;
  readonly incidentFormDetailsHeading: None;
  readonly incidentFormTypes: None;
  readonly incidentFormTypesHint: None;
  readonly incidentFormSetting: None;
  readonly incidentFormSettingOffline: None;
  readonly incidentFormSettingOnline: None;
  readonly incidentFormSettingBoth: None;
  readonly incidentFormPrejudice: None;
  readonly incidentFormPrejudiceHint: None;
  readonly incidentFormYes: None;
  readonly incidentFormNo: None;
  readonly incidentFormCharacteristics: None;
  readonly incidentFormCharDisabilitySend: None;
  readonly incidentFormCharRace: None;
  readonly incidentFormCharReligion: None;
  readonly incidentFormCharSex: None;
  readonly incidentFormCharSexualOrientation: None;
  readonly incidentFormCharGenderIdentity: None;
  readonly incidentFormCharAppearance: None;
  readonly incidentFormCharOther: None;
  readonly incidentFormSafeguarding: None;
  readonly incidentFormSafeguardingWarning: None;
  readonly incidentFormSafeguardingLink: None;
  readonly incidentFormWhatHappened: None;
  readonly incidentFormImpact: None;
  readonly incidentFormTargetWishes: None;
  readonly incidentFormActionsHeading: None;
  readonly incidentFormAction: { readonly n: number };
  readonly incidentFormActionBy: None;
  readonly incidentFormAddAction: None;
  readonly incidentFormRemoveAction: { readonly n: number };
  readonly incidentFormOutcome: None;
  readonly incidentFormFollowUpOn: None;
  readonly incidentFormReviewOn: None;
  readonly incidentFormSave: None;
  readonly incidentFormLocked: None;
  readonly incidentFormActRestorative: None;
  readonly incidentFormActSanction: None;
  readonly incidentFormActParentsInformed: None;
  readonly incidentFormActSupportForTarget: None;
  readonly incidentFormActSupportForPerpetrator: None;
  readonly incidentFormActPeerSupport: None;
  readonly incidentFormActExternalReferral: None;
  readonly incidentFormActPolice: None;
  readonly incidentFormActMonitoring: None;
  readonly incidentFormActOther: None;
  readonly incidentFormByClassTeacher: None;
  readonly incidentFormByHeadOfYear: None;
  readonly incidentFormByAntiBullyingLead: None;
  readonly incidentFormByDesignatedSafeguardingLead: None;
  readonly incidentFormBySeniorLeader: None;
  readonly incidentFormBySenco: None;
  readonly incidentFormByOtherStaff: None;
  readonly incidentFormOutResolved: None;
  readonly incidentFormOutOngoing: None;
  readonly incidentFormOutEscalated: None;
  readonly incidentFormOutNotResolved: None;
  readonly incidentFormByReportTarget: None;
  readonly incidentFormByReportPupilWitness: None;
  readonly incidentFormByReportParent: None;
  readonly incidentFormByReportStaff: None;
  readonly incidentFormByReportOther: None;
  readonly incidentFormErrorDate: None;
  readonly incidentFormErrorFuture: None;
  readonly incidentFormErrorTime: None;
  readonly incidentFormErrorLocation: None;
  readonly incidentFormErrorReportedBy: None;
  readonly incidentFormErrorAlleged: None;
  readonly incidentFormErrorReference: { readonly reference: string };
  readonly incidentFormErrorStatus: None;
  readonly incidentFormErrorTypes: None;
  readonly incidentFormErrorSetting: None;
  readonly incidentFormErrorPrejudice: None;
  readonly incidentFormErrorCharacteristics: None;
  readonly incidentFormErrorSafeguarding: None;
  readonly incidentFormErrorAction: None;
  readonly incidentFormErrorOutcome: None;
  readonly incidentFormErrorReviewDate: None;
  readonly incidentFormErrorCheck: None;
  readonly incidentFormInvalid: None;
}

/** `<at-incident-form>` strings, as the shared table holds them. */
export type IncidentFormStrings = { readonly [K in keyof IncidentFormStringParams]: Message };

/** British English. */
export const incidentFormStrings: IncidentFormStrings = {
  incidentFormHeading: 'Record an allegation',
  incidentFormHeadingRecord: 'Incident record',
  incidentFormNoNames:
    'Do not write anyone’s name. Record people by their role and your school’s reference (like P-0042); your MIS holds who that is.',
  incidentFormRestored: 'We restored what you had typed on this device but not yet saved.',
  incidentFormErrorTitle: 'There is a problem',
  incidentFormErrorPrefix: 'Error:',
  incidentFormChoose: 'Choose',
  incidentFormAllegationHeading: 'The allegation',
  incidentFormOccurredOn: 'Date it happened',
  incidentFormOccurredAt: 'Time (optional)',
  incidentFormOccurredAtHint: 'Like 12:40.',
  incidentFormLocation: 'Where it happened',
  incidentFormReportedBy: 'Who reported it',
  incidentFormAlleged: 'What was alleged',
  incidentFormAllegedHint: 'Describe what happened, without names.',
  incidentFormPeopleHeading: 'People involved',
  incidentFormPeopleHint:
    'Enter each person’s reference, like P-0042: letters or digits, a dash, then digits. Separate several with commas. Never a name.',
  incidentFormRefsTarget: 'References of those targeted',
  incidentFormRefsPerpetrator: 'References of those alleged to have done it (optional)',
  incidentFormRefsWitness: 'References of witnesses (optional)',
  incidentFormRole: 'Who they are',
  incidentFormRolePupil: 'Pupils',
  incidentFormRoleStaff: 'Staff',
  incidentFormRoleParent: 'Parents or carers',
  incidentFormRoleOther: 'Others',
  incidentFormDecisionHeading: 'After looking into it',
  incidentFormStatus: 'Was it bullying?',
  incidentFormStatusHint:
    'Bullying is hurtful behaviour, repeated over time, where there is an imbalance of power.',
  incidentFormStatusAllegation: 'Not decided yet',
  incidentFormStatusSubstantiated: 'Yes, it was bullying',
  incidentFormStatusNotSubstantiated: 'No, it was not bullying',
  incidentFormDetailsHeading: 'The incident',
  incidentFormTypes: 'Type of bullying',
  incidentFormTypesHint: 'Choose every type that applies.',
  incidentFormSetting: 'Online or offline',
  incidentFormSettingOffline: 'Offline',
  incidentFormSettingOnline: 'Online',
  incidentFormSettingBoth: 'Both',
  incidentFormPrejudice: 'Was it prejudice-related, as perceived by anyone?',
  incidentFormPrejudiceHint:
    'If the person targeted, or anyone else, thinks it was, record it as prejudice-related.',
  incidentFormYes: 'Yes',
  incidentFormNo: 'No',
  incidentFormCharacteristics: 'Which characteristic was it perceived to target?',
  incidentFormCharDisabilitySend: 'Disability or SEND',
  incidentFormCharRace: 'Race',
  incidentFormCharReligion: 'Religion or belief',
  incidentFormCharSex: 'Sex',
  incidentFormCharSexualOrientation: 'Sexual orientation',
  incidentFormCharGenderIdentity: 'Gender identity',
  incidentFormCharAppearance: 'Appearance',
  incidentFormCharOther: 'Other',
  incidentFormSafeguarding: 'Is there a safeguarding concern?',
  incidentFormSafeguardingWarning:
    'Tell your designated safeguarding lead today, and follow your safeguarding policy. This record does not replace that.',
  incidentFormSafeguardingLink: 'How to reach your designated safeguarding lead',
  incidentFormWhatHappened: 'What happened (optional)',
  incidentFormImpact: 'The impact on those targeted (optional)',
  incidentFormTargetWishes: 'What those targeted want to happen (optional)',
  incidentFormActionsHeading: 'Action taken',
  incidentFormAction: 'Action {n}',
  incidentFormActionBy: 'Taken by',
  incidentFormAddAction: 'Add another action',
  incidentFormRemoveAction: 'Remove action {n}',
  incidentFormOutcome: 'Outcome',
  incidentFormFollowUpOn: 'Follow-up date (optional)',
  incidentFormReviewOn: 'Review date (optional)',
  incidentFormSave: 'Save record',
  incidentFormLocked: 'This record is locked: the termly return for its term has been submitted.',
  incidentFormActRestorative: 'Restorative conversation',
  incidentFormActSanction: 'Sanction',
  incidentFormActParentsInformed: 'Parents or carers informed',
  incidentFormActSupportForTarget: 'Support for those targeted',
  incidentFormActSupportForPerpetrator: 'Support for those who bullied',
  incidentFormActPeerSupport: 'Peer support',
  incidentFormActExternalReferral: 'Referral to another service',
  incidentFormActPolice: 'Police',
  incidentFormActMonitoring: 'Monitoring',
  incidentFormActOther: 'Other',
  incidentFormByClassTeacher: 'Class teacher',
  incidentFormByHeadOfYear: 'Head of year',
  incidentFormByAntiBullyingLead: 'Anti-bullying lead',
  incidentFormByDesignatedSafeguardingLead: 'Designated safeguarding lead',
  incidentFormBySeniorLeader: 'Senior leader',
  incidentFormBySenco: 'SENCO',
  incidentFormByOtherStaff: 'Other staff',
  incidentFormOutResolved: 'Resolved',
  incidentFormOutOngoing: 'Ongoing',
  incidentFormOutEscalated: 'Escalated',
  incidentFormOutNotResolved: 'Not resolved',
  incidentFormByReportTarget: 'The person targeted',
  incidentFormByReportPupilWitness: 'A pupil who saw it',
  incidentFormByReportParent: 'A parent or carer',
  incidentFormByReportStaff: 'A member of staff',
  incidentFormByReportOther: 'Someone else',
  incidentFormErrorDate: 'Enter the date it happened, like 2026-11-19.',
  incidentFormErrorFuture: 'The date it happened must be today or earlier.',
  incidentFormErrorTime: 'Enter the time like 12:40, or leave it empty.',
  incidentFormErrorLocation: 'Choose where it happened.',
  incidentFormErrorReportedBy: 'Choose who reported it.',
  incidentFormErrorAlleged: 'Say what was alleged.',
  incidentFormErrorReference:
    '“{reference}” is not a reference. Enter references like P-0042, never a name.',
  incidentFormErrorStatus: 'Choose whether it was bullying.',
  incidentFormErrorTypes: 'Choose at least one type of bullying.',
  incidentFormErrorSetting: 'Choose whether it was online, offline or both.',
  incidentFormErrorPrejudice: 'Choose whether it was prejudice-related.',
  incidentFormErrorCharacteristics: 'Choose the characteristic it was perceived to target.',
  incidentFormErrorSafeguarding: 'Choose whether there is a safeguarding concern.',
  incidentFormErrorAction: 'Choose both the action and who took it, or neither.',
  incidentFormErrorOutcome: 'Choose the outcome.',
  incidentFormErrorReviewDate: 'Enter the date like 2026-11-19, or leave it empty.',
  incidentFormErrorCheck: 'Check this answer.',
  incidentFormInvalid: 'The record cannot be shown: its data has problems.',
};

// This element's strings join the shared table's types (declaration merging), so `shared/`
// never imports an element.
declare module '../shared/i18n.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merging, not a new type
  interface Translation extends IncidentFormStrings {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merging, not a new type
  interface TranslationParams extends IncidentFormStringParams {}
}
