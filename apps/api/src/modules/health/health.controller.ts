import { Controller, Get, HttpStatus } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { ProblemException } from '../../common/problem.js';
import { DatabaseHealthService } from './database-health.service.js';

export class HealthDto {
  @ApiProperty({ enum: ['ok'] }) status: 'ok';
  @ApiProperty({ enum: ['up'] }) database: 'up';
  @ApiProperty({ description: 'Seconds since this replica started' }) uptimeSeconds: number;
}

export class LivenessDto {
  @ApiProperty({ enum: ['ok'] }) status: 'ok';
  @ApiProperty({ description: 'Seconds since this replica started' }) uptimeSeconds: number;
}

export class ReadinessDto {
  @ApiProperty({ enum: ['ready'] }) status: 'ready';
  @ApiProperty({ enum: ['up'] }) database: 'up';
  @ApiProperty({ enum: ['done'] }) migrations: 'done';
}

const unavailable = (detail: string) => new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, detail);

/**
 * Liveness and readiness are separate on purpose: a database outage makes every replica unready
 * (taken out of balancing) but not dead (restarting it would not bring the database back).
 */
@ApiTags('health')
@Controller('health')
export class HealthController {
  /** Once true it stays true: a running replica's schema does not go back. */
  private migrationsDone = false;

  constructor(private readonly database: DatabaseHealthService) {}

  /** Readiness as the contract has always had it: 200 only when this replica can reach the database. */
  @Get()
  @ApiOkResponse({ type: HealthDto })
  @ApiServiceUnavailableResponse({ description: 'The database is unreachable (problem+json, Retry-After).' })
  async check(): Promise<HealthDto> {
    await this.pingDatabase();
    return { status: 'ok', database: 'up', uptimeSeconds: Math.round(process.uptime()) };
  }

  @Get('live')
  @ApiOperation({ summary: 'Liveness: the process runs and answers. Never touches the database.' })
  @ApiOkResponse({ type: LivenessDto })
  live(): LivenessDto {
    return { status: 'ok', uptimeSeconds: Math.round(process.uptime()) };
  }

  @Get('ready')
  @ApiOperation({ summary: 'Readiness: the database answers and every migration is applied.' })
  @ApiOkResponse({ type: ReadinessDto })
  @ApiServiceUnavailableResponse({
    description: 'Not ready: database unreachable or migrations pending (problem+json, Retry-After).',
  })
  async ready(): Promise<ReadinessDto> {
    await this.pingDatabase();
    if (!this.migrationsDone) {
      if (await this.database.migrationsPending()) throw unavailable('Database migrations are pending.');
      this.migrationsDone = true;
    }
    return { status: 'ready', database: 'up', migrations: 'done' };
  }

  private async pingDatabase(): Promise<void> {
    if (!(await this.database.reachable())) throw unavailable('The database is unreachable.');
  }
}
