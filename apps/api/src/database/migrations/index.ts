import { InitialSchema1700000000000 } from './1700000000000-initial-schema.js';
import { Registrations1795976710009 } from './1795976710009-registrations.js';
import { ImpactAssumptions1795976749104 } from './1795976749104-impact-assumptions.js';
import { RallyLegResults1795976806860 } from './1795976806860-rally-leg-results.js';
import { EventSport1795976877383 } from './1795976877383-event-sport.js';
import { Matches1795977786504 } from './1795977786504-matches.js';
import { MatchVenueLabel1795990000000 } from './1795990000000-match-venue-label.js';
import { LiveScoring1796000000000 } from './1796000000000-live-scoring.js';
import { DataChangeNotify1796000000001 } from './1796000000001-data-change-notify.js';
import { RallyTracking1796100000000 } from './1796100000000-rally-tracking.js';
import { RateLimitWindows1796200000000 } from './1796200000000-rate-limit-windows.js';
import { UserTokenVersion1796200000001 } from './1796200000001-user-token-version.js';
import { RulesetOvertime1796300000000 } from './1796300000000-ruleset-overtime.js';
import { Officials1796300000001 } from './1796300000001-officials.js';
import { WithdrawalRequests1796500000000 } from './1796500000000-withdrawal-requests.js';
import { LiveAnd3x3Results1796600000000 } from './1796600000000-live-and-3x3-results.js';
import { KnockoutDraw1797100000000 } from './1797100000000-knockout-draw.js';
import { Divisions1797200000000 } from './1797200000000-divisions.js';
import { DivisionBrackets1798100000000 } from './1798100000000-division-brackets.js';
import { DrawnLots1798100000001 } from './1798100000001-drawn-lots.js';
import { AuditEntries1798100000002 } from './1798100000002-audit-entries.js';

/** In the order they apply. */
export const MIGRATIONS = [
  InitialSchema1700000000000,
  Registrations1795976710009,
  ImpactAssumptions1795976749104,
  RallyLegResults1795976806860,
  EventSport1795976877383,
  Matches1795977786504,
  MatchVenueLabel1795990000000,
  LiveScoring1796000000000,
  DataChangeNotify1796000000001,
  RallyTracking1796100000000,
  RateLimitWindows1796200000000,
  UserTokenVersion1796200000001,
  RulesetOvertime1796300000000,
  Officials1796300000001,
  WithdrawalRequests1796500000000,
  LiveAnd3x3Results1796600000000,
  KnockoutDraw1797100000000,
  Divisions1797200000000,
  DivisionBrackets1798100000000,
  DrawnLots1798100000001,
  AuditEntries1798100000002,
];
