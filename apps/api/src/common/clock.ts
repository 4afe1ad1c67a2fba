import { Injectable } from '@nestjs/common';

/**
 * The time the journey stamps on events (`at`: epoch ms). The app uses the real clock; the demo seed gives its own
 * JourneyService a simulated one, so seeded learners' histories spread over past weeks (and their follow-up opens
 * after the cohort's real delay) while every row still comes from the real submission code.
 */
@Injectable()
export class Clock {
  now(): number {
    return Date.now();
  }
}

/** A clock that reads whatever time it was last set to (the demo seed moves it along each learner's timeline). */
export class SimulatedClock extends Clock {
  constructor(private time: number) {
    super();
  }

  set(time: number): void {
    this.time = time;
  }

  override now(): number {
    return this.time;
  }
}
