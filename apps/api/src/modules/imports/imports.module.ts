import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module.js';
import { MatchesModule } from '../matches/matches.module.js';
import { RegistrationsModule } from '../registrations/registrations.module.js';
import { TeamsModule } from '../teams/teams.module.js';
import { ImportsController } from './imports.controller.js';
import { ImportsService } from './imports.service.js';

@Module({
  imports: [EventsModule, TeamsModule, RegistrationsModule, MatchesModule],
  controllers: [ImportsController],
  providers: [ImportsService],
})
export class ImportsModule {}
