import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module.js';
import { SeasonsModule } from '../seasons/seasons.module.js';
import { ImpactController } from './impact.controller.js';
import { ImpactRepository } from './impact.repository.js';
import { ImpactService } from './impact.service.js';

@Module({
  imports: [SeasonsModule, EventsModule],
  controllers: [ImpactController],
  providers: [ImpactService, ImpactRepository],
})
export class ImpactModule {}
