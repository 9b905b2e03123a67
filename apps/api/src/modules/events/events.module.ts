import { Module } from '@nestjs/common';
import { SeasonsModule } from '../seasons/seasons.module.js';
import { EventSettingsController } from './event-settings.controller.js';
import { EventSettingsHooks } from './event-settings-hooks.js';
import { EventsController } from './events.controller.js';
import { EventsRepository } from './events.repository.js';
import { EventsService } from './events.service.js';
import { SeasonEventsController } from './season-events.controller.js';

@Module({
  imports: [SeasonsModule],
  controllers: [EventsController, EventSettingsController, SeasonEventsController],
  providers: [EventsService, EventsRepository, EventSettingsHooks],
  exports: [EventsService],
})
export class EventsModule {}
