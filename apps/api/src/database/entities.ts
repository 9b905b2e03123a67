import { EventEntity } from '../modules/events/event.entity.js';
import { EntryEntity } from '../modules/rallies/entry.entity.js';
import { LegEntity } from '../modules/rallies/leg.entity.js';
import { RallyEntity } from '../modules/rallies/rally.entity.js';
import { SeasonEntity } from '../modules/seasons/season.entity.js';
import { TeamEntity } from '../modules/teams/team.entity.js';
import { UserEntity } from '../modules/users/user.entity.js';
import { VenueEntity } from '../modules/venues/venue.entity.js';

/** Every entity, listed explicitly: ESM builds and test runners do not agree on glob loading. */
export const ENTITIES = [UserEntity, SeasonEntity, VenueEntity, EventEntity, TeamEntity, RallyEntity, LegEntity, EntryEntity];
