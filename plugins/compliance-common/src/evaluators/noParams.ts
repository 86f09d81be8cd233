import { z } from 'zod';

/** Params schema for evaluators that take none: unknown keys are refused. */
export const noParams = z.strictObject({});

export type NoParams = z.infer<typeof noParams>;
