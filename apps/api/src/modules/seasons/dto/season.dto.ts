import { ApiProperty } from '@nestjs/swagger';
import { SourcedDto, sourcedFields } from '../../../common/dto.js';
import type { SeasonEntity } from '../season.entity.js';

export class SeasonTargetsDto {
  @ApiProperty({ nullable: true, type: Number, description: 'Expected participants' }) participants: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Expected tourist visits' }) visits: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Expected visitor spending, yuan' }) spendingYuan:
    number | null;
}

export class SeasonDto extends SourcedDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'qingdao-basketball-2023' }) slug: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) nameEn: string | null;
  @ApiProperty({ nullable: true, type: String }) theme: string | null;
  @ApiProperty({ nullable: true, type: String }) themeEn: string | null;
  @ApiProperty({ nullable: true, type: String }) description: string | null;
  @ApiProperty({ nullable: true, type: String }) descriptionEn: string | null;
  @ApiProperty({ nullable: true, type: String }) operator: string | null;
  @ApiProperty({ nullable: true, type: String }) operatorEn: string | null;
  @ApiProperty({ format: 'date' }) startDate: string;
  @ApiProperty({ format: 'date' }) endDate: string;
  @ApiProperty({ type: SeasonTargetsDto }) targets: SeasonTargetsDto;
}

export const toSeasonDto = (s: SeasonEntity): SeasonDto => ({
  id: s.id,
  slug: s.slug,
  name: s.name,
  nameEn: s.nameEn,
  theme: s.theme,
  themeEn: s.themeEn,
  description: s.description,
  descriptionEn: s.descriptionEn,
  operator: s.operator,
  operatorEn: s.operatorEn,
  startDate: s.startDate,
  endDate: s.endDate,
  targets: { participants: s.targetParticipants, visits: s.targetVisits, spendingYuan: s.targetSpendingYuan },
  ...sourcedFields(s),
});
