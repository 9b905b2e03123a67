import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Roles } from '../../common/auth.js';
import { CreateTrackerTokenDto, CreatedTrackerTokenDto, TrackerTokenDto } from './dto/tracking.dto.js';
import { TrackingService } from './tracking.service.js';

@ApiTags('rally tracking')
@Controller('rallies/:id/entries/:entryId/tracker-tokens')
@Roles('organizer')
@ApiBearerAuth()
export class TrackerTokensController {
  constructor(private readonly tracking: TrackingService) {}

  @Post()
  @ApiOperation({
    summary: "Creates a boat's tracker token: a bearer token that may post that boat's positions only. Shown once.",
  })
  @ApiCreatedResponse({ type: CreatedTrackerTokenDto })
  create(
    @Param('id') id: string,
    @Param('entryId') entryId: string,
    @Body() body: CreateTrackerTokenDto,
  ): Promise<CreatedTrackerTokenDto> {
    return this.tracking.createToken(id, entryId, body);
  }

  @Get()
  @ApiOperation({ summary: "The boat's tracker tokens (without the secret)" })
  @ApiOkResponse({ type: [TrackerTokenDto] })
  list(@Param('id') id: string, @Param('entryId') entryId: string): Promise<TrackerTokenDto[]> {
    return this.tracking.listTokens(id, entryId);
  }

  @Delete(':tokenId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revokes a tracker token; it stops working at once' })
  @ApiNoContentResponse()
  async revoke(
    @Param('id') id: string,
    @Param('entryId') entryId: string,
    @Param('tokenId') tokenId: string,
  ): Promise<void> {
    await this.tracking.revokeToken(id, entryId, tokenId);
  }
}
