import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { type Caller, CurrentCaller, SignedIn } from '../../common/auth.js';
import { RateLimit } from '../../common/rate-limit.js';
import { AuthService } from './auth.service.js';
import { LoginDto, SessionDto, SignupDto, UserDto } from './dto/auth.dto.js';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @HttpCode(200)
  @RateLimit('sign-in')
  @ApiOkResponse({ type: SessionDto })
  login(@Body() body: LoginDto): Promise<SessionDto> {
    return this.auth.login(body);
  }

  @Post('signup')
  @RateLimit('sign-up')
  @ApiCreatedResponse({ type: SessionDto })
  signup(@Body() body: SignupDto): Promise<SessionDto> {
    return this.auth.signup(body);
  }

  @Post('logout')
  @HttpCode(204)
  @SignedIn()
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Signs out: revokes every token issued to this account so far (all devices)' })
  @ApiNoContentResponse()
  logout(@CurrentCaller() caller: Caller): Promise<void> {
    return this.auth.logout(caller.id);
  }

  @Get('me')
  @SignedIn()
  @ApiBearerAuth()
  @ApiOkResponse({ type: UserDto })
  me(@CurrentCaller() caller: Caller): Promise<UserDto> {
    return this.auth.me(caller.id);
  }
}
