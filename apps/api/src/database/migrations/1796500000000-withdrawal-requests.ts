import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A team manager's request to withdraw a team that has played games: it waits for an organizer, who approves
 * (the registration becomes withdrawn) or declines. Only a confirmed registration can carry one.
 */
export class WithdrawalRequests1796500000000 implements MigrationInterface {
  name = 'WithdrawalRequests1796500000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "registrations" ADD "withdrawal_requested_at" TIMESTAMP WITH TIME ZONE`);
    await runner.query(`ALTER TABLE "registrations" ADD "withdrawal_reason" text`);
    await runner.query(
      `ALTER TABLE "registrations" ADD CONSTRAINT "registrations_withdrawal_request_confirmed" CHECK (withdrawal_requested_at IS NULL OR status = 'confirmed')`,
    );
    await runner.query(
      `ALTER TABLE "registrations" ADD CONSTRAINT "registrations_withdrawal_reason_needs_request" CHECK (withdrawal_reason IS NULL OR withdrawal_requested_at IS NOT NULL)`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "registrations" DROP CONSTRAINT "registrations_withdrawal_reason_needs_request"`);
    await runner.query(`ALTER TABLE "registrations" DROP CONSTRAINT "registrations_withdrawal_request_confirmed"`);
    await runner.query(`ALTER TABLE "registrations" DROP COLUMN "withdrawal_reason"`);
    await runner.query(`ALTER TABLE "registrations" DROP COLUMN "withdrawal_requested_at"`);
  }
}
