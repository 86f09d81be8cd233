import { z } from 'zod';

const list = z.array(z.string().min(1)).default([]);

/** Schema of one control as written in the YAML file (params are checked per evaluator). */
export const controlSchema = z.strictObject({
  id: z
    .string()
    .regex(/^[A-Z]{2,}-[A-Z]{2,}-\d{2,}$/, 'expected an id like CP-IAM-01'),
  title: z.string().min(1),
  hipaa: z
    .array(
      z
        .string()
        .regex(
          /^164\.\d{3}(\([A-Za-z0-9]+\))+$/,
          'expected a HIPAA citation like 164.312(a)(1)',
        ),
    )
    .min(1),
  severity: z.enum(['critical', 'high', 'medium', 'low']),
  appliesTo: z
    .strictObject({
      dataClassification: z
        .array(z.enum(['phi', 'pii', 'internal', 'public']))
        .default([]),
      lifecycle: list,
      kind: list,
      type: list,
    })
    .default({ dataClassification: [], lifecycle: [], kind: [], type: [] }),
  evaluator: z.strictObject({
    name: z.string().min(1),
    params: z.record(z.string(), z.unknown()).default({}),
  }),
  remediation: z.string().min(1),
  link: z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' }),
});

/** Schema of a controls file. */
export const controlsFileSchema = z.strictObject({
  controlsVersion: z.string().min(1),
  controls: z.array(controlSchema).min(1),
});
