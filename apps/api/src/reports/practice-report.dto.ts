import { ApiProperty } from '@nestjs/swagger';
import { WithheldDto } from './report.dto.js';

export class ShareDto {
  @ApiProperty({ description: 'Learners in the numerator' }) x: number;
  @ApiProperty({ description: 'Learners in the denominator (answers on the scale; "no aplica" and blanks left out)' }) n: number;
  @ApiProperty({ nullable: true, type: Number, description: 'x / n' }) p: number | null;
  @ApiProperty({ nullable: true, type: 'array', items: { type: 'number' }, minItems: 2, maxItems: 2, description: 'Wilson score 95 % CI (R: prop.test(x, n, correct = FALSE))' })
  ci95: [number, number] | null;
}

export class PracticeOptionShareDto {
  @ApiProperty() key: string;
  @ApiProperty() text: string;
  @ApiProperty({ type: ShareDto }) share: ShareDto;
}

export class PracticeItemReportDto {
  @ApiProperty() key: string;
  @ApiProperty({ description: 'Short name of the practice' }) label: string;
  @ApiProperty() prompt: string;
  @ApiProperty({ description: 'What the headline share counts, e.g. "en todos o la mayoría de los casos"' }) indicatorLabel: string;
  @ApiProperty({ description: 'Learners who answered this question (any option)' }) answered: number;
  @ApiProperty({ description: 'Of those, "no aplica / no recibí casos"' }) notApplicable: number;
  @ApiProperty({ description: 'The denominator: answered − notApplicable' }) n: number;
  @ApiProperty({ nullable: true, type: () => WithheldDto, description: 'Set when n < 5 (or fewer than 5 answered the questionnaire): no shares' }) withheld: WithheldDto | null;
  @ApiProperty({ nullable: true, type: ShareDto, description: 'The headline share (indicator options / n)' }) indicator: ShareDto | null;
  @ApiProperty({ type: [PracticeOptionShareDto], description: 'Each option on the scale; empty when withheld' }) options: PracticeOptionShareDto[];
}

/** The behaviour follow-up (Kirkpatrick level 3) of the learners in the statistics: self-reported, aggregated only. */
export class PracticeReportDto {
  @ApiProperty() title: string;
  @ApiProperty({ description: 'Always true: what learners say they did, not an observation' }) selfReport: true;
  @ApiProperty({ description: 'The label shown with every figure: self-report, recall period, who is counted' }) note: string;
  @ApiProperty() recallMonths: number;
  @ApiProperty({ description: 'Learners in the statistics who answered at least one question' }) respondents: number;
  @ApiProperty({ nullable: true, type: () => WithheldDto, description: 'Fewer than 5 respondents: every item withheld' }) withheld: WithheldDto | null;
  @ApiProperty({ type: [PracticeItemReportDto] }) items: PracticeItemReportDto[];
}
