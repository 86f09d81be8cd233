import { InputError } from '@backstage/errors';
import type { z } from 'zod';

/** Parses request input at the HTTP edge; a failure names every bad field. */
export function parseInput<T>(options: {
  schema: z.ZodType<T>;
  value: unknown;
  what: string;
}): T {
  const parsed = options.schema.safeParse(options.value);
  if (!parsed.success) {
    throw new InputError(
      `Invalid ${options.what}: ${parsed.error.issues
        .map(
          i => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`,
        )
        .join('; ')}`,
    );
  }
  return parsed.data;
}
