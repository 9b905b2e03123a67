import { Module } from '@nestjs/common';
import { DivisionsModule } from '../divisions/divisions.module.js';
import { EventsModule } from '../events/events.module.js';
import { SeasonsModule } from '../seasons/seasons.module.js';
import { TeamsModule } from '../teams/teams.module.js';
import { DivisionSettingsController } from './event-settings.controller.js';
import { RegistrationReadsService } from './registration-reads.service.js';
import { RegistrationReportsController } from './registration-reports.controller.js';
import { RegistrationsController } from './registrations.controller.js';
import { RegistrationsRepository } from './registrations.repository.js';
import { RegistrationsService } from './registrations.service.js';

@Module({
  imports: [EventsModule, TeamsModule, SeasonsModule, DivisionsModule],
  controllers: [RegistrationsController, RegistrationReportsController, DivisionSettingsController],
  providers: [RegistrationsService, RegistrationReadsService, RegistrationsRepository],
  exports: [RegistrationsService, DivisionsModule],
})
export class RegistrationsModule {}
