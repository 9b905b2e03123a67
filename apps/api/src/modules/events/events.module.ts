import { Module } from '@nestjs/common';
import { SeasonsRepository } from '../seasons/seasons.repository.js';
import { EventsController } from './events.controller.js';
import { EventsRepository } from './events.repository.js';
import { EventsService } from './events.service.js';

@Module({
  controllers: [EventsController],
  providers: [EventsService, EventsRepository, SeasonsRepository],
  exports: [EventsService],
})
export class EventsModule {}
