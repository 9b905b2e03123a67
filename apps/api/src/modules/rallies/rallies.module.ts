import { Module } from '@nestjs/common';
import { TeamsModule } from '../teams/teams.module.js';
import { RalliesController } from './rallies.controller.js';
import { RalliesRepository } from './rallies.repository.js';
import { RalliesService } from './rallies.service.js';

@Module({ imports: [TeamsModule], controllers: [RalliesController], providers: [RalliesService, RalliesRepository] })
export class RalliesModule {}
