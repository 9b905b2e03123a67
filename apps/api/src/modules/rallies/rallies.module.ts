import { Module } from '@nestjs/common';
import { TeamsModule } from '../teams/teams.module.js';
import { RalliesController } from './rallies.controller.js';
import { RalliesRepository } from './rallies.repository.js';
import { RalliesService } from './rallies.service.js';
import { RallyResultsController } from './rally-results.controller.js';
import { RallyResultsRepository } from './rally-results.repository.js';
import { RallyResultsService } from './rally-results.service.js';

@Module({
  imports: [TeamsModule],
  controllers: [RalliesController, RallyResultsController],
  providers: [RalliesService, RalliesRepository, RallyResultsService, RallyResultsRepository],
  exports: [RalliesService, RallyResultsService],
})
export class RalliesModule {}
