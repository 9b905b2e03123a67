import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsNumber, IsOptional, Max, Min, ValidateBy, ValidateNested } from 'class-validator';
import { IsOptionalName } from '../../../common/dto.js';

const latitude = () => [IsNumber({ allowNaN: false, allowInfinity: false }), Min(-90), Max(90)];
const longitude = () => [IsNumber({ allowNaN: false, allowInfinity: false }), Min(-180), Max(180)];
const apply =
  (decorators: PropertyDecorator[]): PropertyDecorator =>
  (target, key) =>
    decorators.forEach((d) => d(target, key));

/** A point in decimal degrees (WGS 84). */
export class LatLonInputDto {
  @ApiProperty({ minimum: -90, maximum: 90, example: 36.085 }) @apply(latitude()) lat: number;
  @ApiProperty({ minimum: -180, maximum: 180, example: 120.315 }) @apply(longitude()) lon: number;
}

export class WaypointInputDto extends LatLonInputDto {
  @ApiPropertyOptional({ example: 'Chengshan Cape' }) @IsOptionalName(120) name?: string;
}

const isPoint = (value: unknown): boolean => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  const { lat, lon } = value as { lat?: unknown; lon?: unknown };
  return (
    keys.length === 2 &&
    typeof lat === 'number' &&
    Number.isFinite(lat) &&
    Math.abs(lat) <= 90 &&
    typeof lon === 'number' &&
    Number.isFinite(lon) &&
    Math.abs(lon) <= 180
  );
};

/** `{lat, lon}` or a line `[{lat, lon}, {lat, lon}]`; the class-validator union the DTO cannot express. */
const IsFinish = () =>
  ValidateBy({
    name: 'isFinish',
    validator: {
      validate: (value: unknown) =>
        isPoint(value) || (Array.isArray(value) && value.length === 2 && value.every(isPoint)),
      defaultMessage: () =>
        '$property must be {lat, lon} or a line [{lat, lon}, {lat, lon}] (lat −90…90, lon −180…180)',
    },
  });

export type FinishInput = LatLonInputDto | [LatLonInputDto, LatLonInputDto];

/** The course of a leg: start, finish (point or line), marks to pass in order. All optional: set what you know. */
export class LegGeometryInputDto {
  @ApiPropertyOptional({ type: LatLonInputDto, description: 'Where the leg starts' })
  @IsOptional()
  @ValidateNested()
  @Type(() => LatLonInputDto)
  start?: LatLonInputDto;

  @ApiPropertyOptional({
    oneOf: [
      { $ref: '#/components/schemas/LatLonInputDto' },
      { type: 'array', items: { $ref: '#/components/schemas/LatLonInputDto' }, minItems: 2, maxItems: 2 },
    ],
    description: 'The finish: a point, or a line of two points (distance to finish is measured to its midpoint)',
  })
  @IsOptional()
  @IsFinish()
  finish?: FinishInput;

  @ApiPropertyOptional({ type: [WaypointInputDto], description: 'Marks a boat must pass in order, e.g. off a cape' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => WaypointInputDto)
  waypoints?: WaypointInputDto[];
}

export class LegMarkDto {
  @ApiProperty() lat: number;
  @ApiProperty() lon: number;
  @ApiPropertyOptional() name?: string;
}
