import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module.js';
import { DivisionsController } from './divisions.controller.js';
import { DivisionsRepository } from './divisions.repository.js';
import { DivisionsService } from './divisions.service.js';

@Module({
  imports: [EventsModule],
  controllers: [DivisionsController],
  providers: [DivisionsService, DivisionsRepository],
  exports: [DivisionsService],
})
export class DivisionsModule {}
