import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Seasons, venues, events, users, teams and the rally (legs, entries), with the constraints that must always hold. */
export class InitialSchema1700000000000 implements MigrationInterface {
  name = 'InitialSchema1700000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `CREATE TABLE "seasons" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "source" text, "illustrative" text array NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "slug" text NOT NULL, "name" text NOT NULL, "name_en" text, "theme" text, "theme_en" text, "description" text, "description_en" text, "operator" text, "operator_en" text, "start_date" date NOT NULL, "end_date" date NOT NULL, "target_participants" integer, "target_visits" integer, "target_spending_yuan" bigint, CONSTRAINT "UQ_af1192bab80276588ff3f278a89" UNIQUE ("slug"), CONSTRAINT "seasons_targets_non_negative" CHECK (target_participants >= 0 AND target_visits >= 0 AND target_spending_yuan >= 0), CONSTRAINT "seasons_dates_ordered" CHECK (end_date >= start_date), CONSTRAINT "PK_cb8ed53b5fe109dcd4a4449ec9d" PRIMARY KEY ("id"))`,
    );
    await runner.query(
      `CREATE TABLE "venues" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "source" text, "illustrative" text array NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "slug" text NOT NULL, "name" text NOT NULL, "name_en" text, "city" text NOT NULL, "city_en" text, "courts" integer NOT NULL DEFAULT '1', "seats" integer, "lat" double precision, "lon" double precision, CONSTRAINT "UQ_9fd71efb7abb246a69847399d14" UNIQUE ("slug"), CONSTRAINT "venues_coordinates_valid" CHECK (lat BETWEEN -90 AND 90 AND lon BETWEEN -180 AND 180), CONSTRAINT "venues_seats_non_negative" CHECK (seats >= 0), CONSTRAINT "venues_courts_positive" CHECK (courts >= 1), CONSTRAINT "PK_cb0f885278d12384eb7a81818be" PRIMARY KEY ("id"))`,
    );
    await runner.query(
      `CREATE TABLE "events" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "source" text, "illustrative" text array NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "season_id" uuid NOT NULL, "slug" text, "name" text NOT NULL, "name_en" text, "kind" text NOT NULL, "description" text, "description_en" text, "start_date" date NOT NULL, "end_date" date NOT NULL, "venue_id" uuid, "capacity" integer, "registration_mode" text NOT NULL DEFAULT 'approval', "registration_opens_at" TIMESTAMP WITH TIME ZONE, "registration_closes_at" TIMESTAMP WITH TIME ZONE, "roster_min" integer, "roster_max" integer, "participant_target" integer, "cities" text array NOT NULL DEFAULT '{}', CONSTRAINT "events_participant_target_non_negative" CHECK (participant_target >= 0), CONSTRAINT "events_roster_limits_valid" CHECK (roster_min >= 0 AND roster_max >= roster_min), CONSTRAINT "events_registration_window_ordered" CHECK (registration_closes_at >= registration_opens_at), CONSTRAINT "events_registration_mode_valid" CHECK (registration_mode IN ('approval', 'first-come')), CONSTRAINT "events_kind_valid" CHECK (kind IN ('league', 'tournament', 'camp', 'forum', 'festival')), CONSTRAINT "events_capacity_non_negative" CHECK (capacity >= 0), CONSTRAINT "events_dates_ordered" CHECK (end_date >= start_date), CONSTRAINT "PK_40731c7151fe4be3116e45ddf73" PRIMARY KEY ("id"))`,
    );
    await runner.query(`CREATE UNIQUE INDEX "events_season_slug_unique" ON "events"  ("season_id", "slug") `);
    await runner.query(
      `CREATE TABLE "users" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" text NOT NULL, "password_hash" text NOT NULL, "role" text NOT NULL, "display_name" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_97672ac88f789774dd47f7c8be3" UNIQUE ("email"), CONSTRAINT "users_email_lowercase" CHECK (email = lower(email)), CONSTRAINT "users_role_valid" CHECK (role IN ('organizer', 'team_manager')), CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))`,
    );
    await runner.query(
      `CREATE TABLE "teams" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "source" text, "illustrative" text array NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "slug" text, "name" text NOT NULL, "name_en" text, "sport" text NOT NULL, "city" text, "city_en" text, "manager_id" uuid, CONSTRAINT "UQ_de8536da4945fe980f4a61900d3" UNIQUE ("slug"), CONSTRAINT "teams_sport_valid" CHECK (sport IN ('basketball', 'sailing')), CONSTRAINT "PK_7e5523774a38b08a6236d322403" PRIMARY KEY ("id"))`,
    );
    await runner.query(
      `CREATE TABLE "rallies" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "source" text, "illustrative" text array NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "slug" text, "name" text NOT NULL, "name_en" text, "description" text, "description_en" text, "start_date" date NOT NULL, "end_date" date NOT NULL, "discards" integer NOT NULL DEFAULT '0', "distance_nm" double precision, "boat_class" text, "rules" text, CONSTRAINT "UQ_58e3e2d7cb331abd0bad195795b" UNIQUE ("slug"), CONSTRAINT "rallies_distance_positive" CHECK (distance_nm > 0), CONSTRAINT "rallies_discards_non_negative" CHECK (discards >= 0), CONSTRAINT "rallies_dates_ordered" CHECK (end_date >= start_date), CONSTRAINT "PK_2cbdb28d9edd164a1973dfa93e1" PRIMARY KEY ("id"))`,
    );
    await runner.query(
      `CREATE TABLE "rally_entries" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "source" text, "illustrative" text array NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "rally_id" uuid NOT NULL, "team_id" uuid NOT NULL, "boat_name" text NOT NULL, "sail_number" text, "rating" double precision NOT NULL DEFAULT '1', CONSTRAINT "rally_entries_rating_positive" CHECK (rating > 0), CONSTRAINT "PK_ebfeca7c95f6968a8760bc96873" PRIMARY KEY ("id"))`,
    );
    await runner.query(
      `CREATE UNIQUE INDEX "rally_entries_rally_team_unique" ON "rally_entries"  ("rally_id", "team_id") `,
    );
    await runner.query(
      `CREATE TABLE "rally_legs" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "source" text, "illustrative" text array NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "rally_id" uuid NOT NULL, "number" integer NOT NULL, "from_port" text NOT NULL, "from_port_en" text, "from_lat" double precision, "from_lon" double precision, "to_port" text NOT NULL, "to_port_en" text, "to_lat" double precision, "to_lon" double precision, "distance_nm" double precision NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "coefficient" double precision NOT NULL DEFAULT '1', CONSTRAINT "rally_legs_coefficient_positive" CHECK (coefficient > 0), CONSTRAINT "rally_legs_distance_positive" CHECK (distance_nm > 0), CONSTRAINT "rally_legs_number_positive" CHECK (number >= 1), CONSTRAINT "PK_3f075ec4c4adcf24a0be9a08e16" PRIMARY KEY ("id"))`,
    );
    await runner.query(`CREATE UNIQUE INDEX "rally_legs_rally_number_unique" ON "rally_legs"  ("rally_id", "number") `);
    await runner.query(
      `ALTER TABLE "events" ADD CONSTRAINT "FK_015b33819d8f4e702bafb77b796" FOREIGN KEY ("season_id") REFERENCES "seasons"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await runner.query(
      `ALTER TABLE "events" ADD CONSTRAINT "FK_26e10dc1ae5cdd5a20279e08b4a" FOREIGN KEY ("venue_id") REFERENCES "venues"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await runner.query(
      `ALTER TABLE "teams" ADD CONSTRAINT "FK_9a06e17b915db57b2d9192672a5" FOREIGN KEY ("manager_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await runner.query(
      `ALTER TABLE "rally_entries" ADD CONSTRAINT "FK_3141698616452d04550155f3b56" FOREIGN KEY ("rally_id") REFERENCES "rallies"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await runner.query(
      `ALTER TABLE "rally_entries" ADD CONSTRAINT "FK_ad4f8284311b0d8940b95dcf4b1" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await runner.query(
      `ALTER TABLE "rally_legs" ADD CONSTRAINT "FK_3e17bd7a05176eba07711110e87" FOREIGN KEY ("rally_id") REFERENCES "rallies"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE "rally_legs"`);
    await runner.query(`DROP TABLE "rally_entries"`);
    await runner.query(`DROP TABLE "rallies"`);
    await runner.query(`DROP TABLE "teams"`);
    await runner.query(`DROP TABLE "users"`);
    await runner.query(`DROP TABLE "events"`);
    await runner.query(`DROP TABLE "venues"`);
    await runner.query(`DROP TABLE "seasons"`);
  }
}
