import { type DynamicModule, Module } from '@nestjs/common';
import { DatabaseHealthService } from './database-health.service.js';
import { HealthController } from './health.controller.js';
import { MetricsController } from './metrics.controller.js';

/**
 * Health always; `/api/metrics` on the public port only when no internal metrics port is configured
 * (development and tests). With METRICS_PORT the metrics listener serves them instead (see metrics-server).
 */
@Module({})
export class HealthModule {
  static forConfig(options: { metricsOnApiPort: boolean }): DynamicModule {
    return {
      module: HealthModule,
      providers: [DatabaseHealthService],
      controllers: options.metricsOnApiPort ? [HealthController, MetricsController] : [HealthController],
    };
  }
}
