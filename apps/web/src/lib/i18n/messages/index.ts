import { commonMessages } from './common.js';
import { competitionMessages } from './competition.js';
import { divisionMessages } from './divisions.js';
import { impactMessages } from './impact.js';
import { liveMessages } from './live.js';
import { lotMessages } from './lots.js';
import { metaMessages } from './meta.js';
import { importMessages } from './imports.js';
import { knockoutMessages } from './knockout.js';
import { scheduleImportMessages } from './schedule-import.js';
import { officialEditMessages } from './official-edit.js';
import { officialsMessages } from './officials.js';
import { rallyMessages } from './rally.js';
import { registrationMessages } from './registration.js';
import { threeByThreeMessages } from './three-by-three.js';

/** One table per feature, merged here; keys are namespaced (`rally.…`, `impact.…`) so they cannot collide. */
export const messages = {
  ...commonMessages,
  ...rallyMessages,
  ...impactMessages,
  ...registrationMessages,
  ...competitionMessages,
  ...threeByThreeMessages,
  ...officialsMessages,
  ...importMessages,
  ...liveMessages,
  ...metaMessages,
  ...knockoutMessages,
  ...scheduleImportMessages,
  ...officialEditMessages,
  ...divisionMessages,
  ...lotMessages,
};
export type MessageKey = keyof typeof messages;
