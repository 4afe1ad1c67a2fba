import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';

export class CreateDeletionRequestDto {
  @ApiProperty({ enum: ['keep', 'revoke'], description: 'keep: certificates stay valid (with the name on them); revoke: verification says they were revoked' })
  @IsIn(['keep', 'revoke'])
  certificateChoice: 'keep' | 'revoke';
}

/** A pending request as the admin sees it, to identify the person before confirming. */
export class PendingDeletionRequestDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty() displayName: string;
  @ApiProperty() email: string;
  @ApiProperty() requestedAt: string;
  @ApiProperty({ enum: ['keep', 'revoke'] }) certificateChoice: 'keep' | 'revoke';
  @ApiProperty({ description: 'Enrolments whose pseudonymous answers stay in aggregates (evaluation use given, not withdrawn)' }) enrolmentsKept: number;
  @ApiProperty({ description: 'Enrolments erased with everything in them (course only, withdrawn or not consented)' }) enrolmentsDeleted: number;
  @ApiProperty() certificates: number;
}

export class DeletionOutcomeDto {
  @ApiProperty({ format: 'uuid' }) requestId: string;
  @ApiProperty({ enum: ['completed', 'rejected'] }) status: 'completed' | 'rejected';
  @ApiProperty() enrolmentsKept: number;
  @ApiProperty() enrolmentsDeleted: number;
  @ApiProperty() certificatesKept: number;
  @ApiProperty() certificatesRevoked: number;
}
