import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { EventsModule } from '../events/events.module.js';
import { LiveLogModule } from '../live/live-log.module.js';
import { RegistrationsModule } from '../registrations/registrations.module.js';
import { TeamsModule } from '../teams/teams.module.js';
import { VenuesModule } from '../venues/venues.module.js';
import { CompetitionController } from './competition.controller.js';
import { DrawnLotsService } from './drawn-lots.service.js';
import { FeedVersions } from './feed-versions.js';
import { KnockoutService } from './knockout.service.js';
import { MatchReadsService } from './match-reads.service.js';
import { MatchesController } from './matches.controller.js';
import { MatchesRepository } from './matches.repository.js';
import { MatchesService } from './matches.service.js';
import { PlayoffsService } from './playoffs.service.js';
import { ScheduleGuard } from './schedule-guard.js';
import { ScheduleImportService } from './schedule-import.service.js';
import { ScheduleService } from './schedule.service.js';
import { StandingsService } from './standings.service.js';

@Module({
  imports: [EventsModule, TeamsModule, VenuesModule, RegistrationsModule, LiveLogModule, AuditModule],
  controllers: [MatchesController, CompetitionController],
  providers: [
    MatchesRepository,
    FeedVersions,
    MatchesService,
    MatchReadsService,
    ScheduleService,
    ScheduleGuard,
    StandingsService,
    PlayoffsService,
    KnockoutService,
    DrawnLotsService,
    ScheduleImportService,
  ],
  exports: [StandingsService, MatchesService, ScheduleImportService],
})
export class MatchesModule {}
