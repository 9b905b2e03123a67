import { ApiProperty } from '@nestjs/swagger';

export class OrganizerAuditEntryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'confirmed', description: 'knockout: confirmed; official: edited' }) action: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) eventId: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) divisionId: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'null once the account is gone' })
  actorId: string | null;
  @ApiProperty({ nullable: true, type: String }) actorName: string | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'knockout: the options confirmed and the seeds (team ids in seed order); official: each changed field as {from, to}',
  })
  details: Record<string, unknown>;
  @ApiProperty({ example: '2023-08-05T20:15:00+08:00' }) at: string;
}
