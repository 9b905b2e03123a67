import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, Reflector } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { getDataSourceToken, TypeOrmModule } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuthGuard } from './common/auth.js';
import { NotifyModule } from './common/notify/notify.module.js';
import { ProblemFilter } from './common/problem.filter.js';
import { RateLimitGuard, RateLimitStore } from './common/rate-limit.js';
import { APP_CONFIG, type AppConfig } from './config/config.js';
import { servingDataSourceOptions } from './database/data-source.js';
import { transactionsModule } from './database/transactions.js';
import { AuthModule } from './modules/auth/auth.module.js';
import { DivisionsModule } from './modules/divisions/divisions.module.js';
import { EventsModule } from './modules/events/events.module.js';
import { HealthModule } from './modules/health/health.module.js';
import { ImpactModule } from './modules/impact/impact.module.js';
import { ImportsModule } from './modules/imports/imports.module.js';
import { LiveModule } from './modules/live/live.module.js';
import { MatchesModule } from './modules/matches/matches.module.js';
import { OfficialsModule } from './modules/officials/officials.module.js';
import { RalliesModule } from './modules/rallies/rallies.module.js';
import { RegistrationsModule } from './modules/registrations/registrations.module.js';
import { SeasonsModule } from './modules/seasons/seasons.module.js';
import { TeamsModule } from './modules/teams/teams.module.js';
import { UsersModule } from './modules/users/users.module.js';
import { TrackingModule } from './modules/tracking/tracking.module.js';
import { VenuesModule } from './modules/venues/venues.module.js';

/** `databaseUrl: null` builds the module graph without connecting (used to write the OpenAPI document). */
@Module({})
export class AppModule {
  static forConfig(config: AppConfig, databaseUrl: string | null): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        TypeOrmModule.forRoot({
          ...servingDataSourceOptions(databaseUrl ?? 'postgres://unused@127.0.0.1/unused', config.pool),
          manualInitialization: databaseUrl === null,
        }),
        transactionsModule,
        JwtModule.register({
          global: true,
          secret: config.jwtSecret,
          signOptions: { expiresIn: config.jwtTtlSeconds },
        }),
        HealthModule.forConfig({ metricsOnApiPort: config.metricsPort === undefined }),
        UsersModule,
        AuthModule,
        SeasonsModule,
        EventsModule,
        DivisionsModule,
        VenuesModule,
        TeamsModule,
        RalliesModule,
        TrackingModule,
        RegistrationsModule,
        ImpactModule,
        MatchesModule,
        // The listener needs a session of its own: DATABASE_LISTEN_URL bypasses a transaction pooler.
        NotifyModule.forRoot(databaseUrl === null ? null : (config.databaseListenUrl ?? databaseUrl)),
        LiveModule,
        OfficialsModule,
        ImportsModule,
      ],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: APP_FILTER, useClass: ProblemFilter },
        { provide: APP_GUARD, useClass: AuthGuard },
        {
          provide: APP_GUARD,
          inject: [Reflector, getDataSourceToken()],
          useFactory: (reflector: Reflector, dataSource: DataSource) =>
            new RateLimitGuard(
              reflector,
              { 'sign-in': config.loginRateLimit, 'sign-up': config.signupRateLimit, write: config.writeRateLimit },
              new RateLimitStore(dataSource),
            ),
        },
      ],
      exports: [APP_CONFIG],
    };
  }
}
