import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module.js';
import { SeasonsController } from './seasons.controller.js';
import { SeasonsRepository } from './seasons.repository.js';

@Module({
  imports: [EventsModule],
  controllers: [SeasonsController],
  providers: [SeasonsRepository],
  exports: [SeasonsRepository],
})
export class SeasonsModule {}
