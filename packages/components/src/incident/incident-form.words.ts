/**
 * The words of every choice `<at-incident-form>` offers (and the types and places
 * `<at-incident-log>` lists, from the same tables): complete tables from the model's lists
 * to string keys, so a value the model adds without words here fails the type check. Statuses,
 * types and places reuse `<at-incident-log>`'s strings, so the two elements say the same thing.
 *
 * @module
 */
import type {
  IncidentAction,
  IncidentLocation,
  IncidentOutcome,
  IncidentSetting,
  IncidentStatus,
  IncidentType,
  PersonRole,
  PrejudiceCharacteristic,
  ReportedBy,
  StaffRole,
} from '@all-together/model';
import type { TranslationKey } from '../shared/i18n.js';

type Words<T extends string> = Readonly<Record<T, TranslationKey>>;

export const STATUS_WORDS: Words<IncidentStatus> = {
  allegation: 'incidentFormStatusAllegation',
  substantiated: 'incidentFormStatusSubstantiated',
  'not-substantiated': 'incidentFormStatusNotSubstantiated',
};

export const TYPE_WORDS: Words<IncidentType> = {
  physical: 'incidentLogTypePhysical',
  verbal: 'incidentLogTypeVerbal',
  relational: 'incidentLogTypeRelational',
  online: 'incidentLogTypeOnline',
  sexual: 'incidentLogTypeSexual',
  'damage-or-theft': 'incidentLogTypeDamageOrTheft',
  other: 'incidentLogTypeOther',
};

export const LOCATION_WORDS: Words<IncidentLocation> = {
  classroom: 'incidentLogWhereClassroom',
  corridor: 'incidentLogWhereCorridor',
  playground: 'incidentLogWherePlayground',
  'dining-hall': 'incidentLogWhereDiningHall',
  toilets: 'incidentLogWhereToilets',
  'changing-room': 'incidentLogWhereChangingRoom',
  journey: 'incidentLogWhereJourney',
  online: 'incidentLogWhereOnline',
  'off-site': 'incidentLogWhereOffSite',
  other: 'incidentLogWhereOther',
};

export const REPORTED_BY_WORDS: Words<ReportedBy> = {
  target: 'incidentFormByReportTarget',
  'pupil-witness': 'incidentFormByReportPupilWitness',
  parent: 'incidentFormByReportParent',
  staff: 'incidentFormByReportStaff',
  other: 'incidentFormByReportOther',
};

export const ROLE_WORDS: Words<PersonRole> = {
  pupil: 'incidentFormRolePupil',
  staff: 'incidentFormRoleStaff',
  parent: 'incidentFormRoleParent',
  other: 'incidentFormRoleOther',
};

export const SETTING_WORDS: Words<IncidentSetting> = {
  offline: 'incidentFormSettingOffline',
  online: 'incidentFormSettingOnline',
  both: 'incidentFormSettingBoth',
};

export const CHARACTERISTIC_WORDS: Words<PrejudiceCharacteristic> = {
  'disability-send': 'incidentFormCharDisabilitySend',
  race: 'incidentFormCharRace',
  religion: 'incidentFormCharReligion',
  sex: 'incidentFormCharSex',
  'sexual-orientation': 'incidentFormCharSexualOrientation',
  'gender-identity': 'incidentFormCharGenderIdentity',
  appearance: 'incidentFormCharAppearance',
  other: 'incidentFormCharOther',
};

export const ACTION_WORDS: Words<IncidentAction> = {
  restorative: 'incidentFormActRestorative',
  sanction: 'incidentFormActSanction',
  'parents-informed': 'incidentFormActParentsInformed',
  'support-for-target': 'incidentFormActSupportForTarget',
  'support-for-perpetrator': 'incidentFormActSupportForPerpetrator',
  'peer-support': 'incidentFormActPeerSupport',
  'external-referral': 'incidentFormActExternalReferral',
  police: 'incidentFormActPolice',
  monitoring: 'incidentFormActMonitoring',
  other: 'incidentFormActOther',
};

export const STAFF_WORDS: Words<StaffRole> = {
  'class-teacher': 'incidentFormByClassTeacher',
  'head-of-year': 'incidentFormByHeadOfYear',
  'anti-bullying-lead': 'incidentFormByAntiBullyingLead',
  'designated-safeguarding-lead': 'incidentFormByDesignatedSafeguardingLead',
  'senior-leader': 'incidentFormBySeniorLeader',
  senco: 'incidentFormBySenco',
  'other-staff': 'incidentFormByOtherStaff',
};

export const OUTCOME_WORDS: Words<IncidentOutcome> = {
  resolved: 'incidentFormOutResolved',
  ongoing: 'incidentFormOutOngoing',
  escalated: 'incidentFormOutEscalated',
  'not-resolved': 'incidentFormOutNotResolved',
};
