import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module.js';
import { MatchesModule } from '../matches/matches.module.js';
import { DataChangesService } from './data-changes.service.js';
import { LiveController } from './live.controller.js';
import { LiveLogModule } from './live-log.module.js';
import { LiveScoringService } from './live-scoring.service.js';
import { LiveStreamsService } from './live-streams.service.js';
import { ScorerLinksRepository } from './scorer-links.repository.js';
import { ScorerLinksService } from './scorer-links.service.js';

/** Live game day: scoring (with scorer links) and the Server-Sent Event streams fans read. */
@Module({
  imports: [EventsModule, MatchesModule, LiveLogModule],
  controllers: [LiveController],
  providers: [DataChangesService, LiveScoringService, LiveStreamsService, ScorerLinksService, ScorerLinksRepository],
  exports: [LiveStreamsService],
})
export class LiveModule {}
