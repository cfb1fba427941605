import type { IsoDateTime } from '../domain/plan/plan.js';

export interface Clock {
  now(): IsoDateTime;
}

export interface IdGenerator {
  newId(): string;
}
