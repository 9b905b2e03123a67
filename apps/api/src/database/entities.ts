import { DivisionEntity } from '../modules/divisions/division.entity.js';
import { EventEntity } from '../modules/events/event.entity.js';
import { ImpactAssumptionChangeEntity } from '../modules/impact/impact-assumption-change.entity.js';
import { ImpactAssumptionSetEntity } from '../modules/impact/impact-assumption-set.entity.js';
import { EntryEntity } from '../modules/rallies/entry.entity.js';
import { MatchFeedVersionEntity } from '../modules/matches/match-feed-version.entity.js';
import { MatchEntity } from '../modules/matches/match.entity.js';
import { AuditEntryEntity } from '../modules/audit/audit-entry.entity.js';
import { DrawnLotEntity } from '../modules/matches/drawn-lot.entity.js';
import { PlayoffBracketEntity } from '../modules/matches/playoff-bracket.entity.js';
import { LiveActionEntity } from '../modules/live/live-action.entity.js';
import { LiveEventCounterEntity } from '../modules/live/live-event-counter.entity.js';
import { ScorerLinkEntity } from '../modules/live/scorer-link.entity.js';
import {
  MatchOfficialEntity,
  OfficialAssignmentAuditEntity,
  OfficialEntity,
} from '../modules/officials/official.entity.js';
import { LegResultEntity } from '../modules/rallies/leg-result.entity.js';
import { LegEntity } from '../modules/rallies/leg.entity.js';
import { RallyEntity } from '../modules/rallies/rally.entity.js';
import { RegistrationAuditEntity } from '../modules/registrations/registration-audit.entity.js';
import { RegistrationEntity } from '../modules/registrations/registration.entity.js';
import { PositionEntity } from '../modules/tracking/position.entity.js';
import { TrackImportEntity } from '../modules/tracking/track-import.entity.js';
import { TrackerTokenEntity } from '../modules/tracking/tracker-token.entity.js';
import { SeasonEntity } from '../modules/seasons/season.entity.js';
import { TeamMemberEntity } from '../modules/teams/team-member.entity.js';
import { TeamEntity } from '../modules/teams/team.entity.js';
import { UserEntity } from '../modules/users/user.entity.js';
import { VenueEntity } from '../modules/venues/venue.entity.js';

/** Every entity, listed explicitly: ESM builds and test runners do not agree on glob loading. */
export const ENTITIES = [
  UserEntity,
  SeasonEntity,
  VenueEntity,
  EventEntity,
  TeamEntity,
  RallyEntity,
  LegEntity,
  EntryEntity,
  LegResultEntity,
  TeamMemberEntity,
  RegistrationEntity,
  RegistrationAuditEntity,
  ImpactAssumptionSetEntity,
  ImpactAssumptionChangeEntity,
  MatchEntity,
  MatchFeedVersionEntity,
  PlayoffBracketEntity,
  DrawnLotEntity,
  AuditEntryEntity,
  LiveActionEntity,
  LiveEventCounterEntity,
  ScorerLinkEntity,
  PositionEntity,
  TrackerTokenEntity,
  TrackImportEntity,
  OfficialEntity,
  MatchOfficialEntity,
  OfficialAssignmentAuditEntity,
  DivisionEntity,
];
