import { z } from 'zod';

/**
 * Edge validation of the FHIR R4 resources this service accepts. The schemas
 * are strict: unknown elements are refused rather than stored unchecked.
 */

const id = z.string().regex(/^[A-Za-z0-9\-.]{1,64}$/, 'must be a FHIR id');
const uri = z.string().min(1).max(2048);
const date = z
  .string()
  .regex(
    /^\d{4}(-\d{2}(-\d{2})?)?$/,
    'must be a FHIR date (YYYY, YYYY-MM or YYYY-MM-DD)',
  );
const dateTime = z
  .string()
  .regex(
    /^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?)?)?$/,
    'must be a FHIR dateTime',
  );

const meta = z
  .object({
    versionId: z.string().max(64).optional(),
    lastUpdated: z.string().optional(),
    profile: z.array(uri).optional(),
  })
  .strict();

const coding = z
  .object({
    system: uri.optional(),
    version: z.string().max(64).optional(),
    code: z.string().min(1).max(256).optional(),
    display: z.string().max(1024).optional(),
  })
  .strict();

const codeableConcept = z
  .object({
    coding: z.array(coding).max(20).optional(),
    text: z.string().max(1024).optional(),
  })
  .strict()
  .refine(c => (c.coding && c.coding.length > 0) || c.text, {
    message: 'needs at least one coding or a text',
  });

const identifier = z
  .object({
    use: z.enum(['usual', 'official', 'temp', 'secondary', 'old']).optional(),
    system: uri.optional(),
    value: z.string().min(1).max(256),
  })
  .strict();

const humanName = z
  .object({
    use: z
      .enum([
        'usual',
        'official',
        'temp',
        'nickname',
        'anonymous',
        'old',
        'maiden',
      ])
      .optional(),
    family: z.string().min(1).max(256).optional(),
    given: z.array(z.string().min(1).max(256)).max(10).optional(),
    text: z.string().max(1024).optional(),
  })
  .strict();

const contactPoint = z
  .object({
    system: z.enum(['phone', 'fax', 'email', 'pager', 'url', 'sms', 'other']),
    value: z.string().min(1).max(256),
    use: z.enum(['home', 'work', 'temp', 'old', 'mobile']).optional(),
  })
  .strict();

const reference = (type: string) =>
  z
    .object({
      reference: z
        .string()
        .regex(
          new RegExp(`^${type}/[A-Za-z0-9\\-.]{1,64}$`),
          `must reference a ${type}`,
        ),
      display: z.string().max(1024).optional(),
    })
    .strict();

const quantity = z
  .object({
    value: z.number(),
    unit: z.string().max(64).optional(),
    system: uri.optional(),
    code: z.string().max(64).optional(),
  })
  .strict();

export const patientSchema = z
  .object({
    resourceType: z.literal('Patient'),
    id: id.optional(),
    meta: meta.optional(),
    active: z.boolean().optional(),
    identifier: z.array(identifier).max(20).optional(),
    name: z.array(humanName).max(10).optional(),
    telecom: z.array(contactPoint).max(20).optional(),
    gender: z.enum(['male', 'female', 'other', 'unknown']).optional(),
    birthDate: date.optional(),
    deceasedBoolean: z.boolean().optional(),
  })
  .strict();

export const observationSchema = z
  .object({
    resourceType: z.literal('Observation'),
    id: id.optional(),
    meta: meta.optional(),
    status: z.enum([
      'registered',
      'preliminary',
      'final',
      'amended',
      'corrected',
      'cancelled',
      'entered-in-error',
      'unknown',
    ]),
    category: z.array(codeableConcept).max(10).optional(),
    code: codeableConcept,
    subject: reference('Patient'),
    encounter: reference('Encounter').optional(),
    effectiveDateTime: dateTime.optional(),
    issued: z.string().optional(),
    valueQuantity: quantity.optional(),
    valueString: z.string().max(4096).optional(),
    valueCodeableConcept: codeableConcept.optional(),
    interpretation: z.array(codeableConcept).max(10).optional(),
  })
  .strict()
  .refine(
    o =>
      [o.valueQuantity, o.valueString, o.valueCodeableConcept].filter(
        v => v !== undefined,
      ).length <= 1,
    { message: 'only one value[x] element is allowed' },
  );

export type Patient = z.infer<typeof patientSchema>;
export type Observation = z.infer<typeof observationSchema>;
export type FhirResource = Patient | Observation;

export const resourceTypes = ['Patient', 'Observation'] as const;
export type ResourceType = (typeof resourceTypes)[number];

export const schemas: Record<ResourceType, z.ZodType<FhirResource>> = {
  Patient: patientSchema,
  Observation: observationSchema,
};

export function isResourceType(value: string): value is ResourceType {
  return (resourceTypes as readonly string[]).includes(value);
}

export function isValidId(value: string): boolean {
  return id.safeParse(value).success;
}

/**
 * Describes validation problems by element path and rule only: the submitted
 * values may be PHI and are never echoed back or logged.
 */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map(issue => {
    const path = issue.path.map(String).join('.') || '(resource)';
    return `${path}: ${
      issue.code === 'unrecognized_keys' ? 'unknown element' : issue.message
    }`;
  });
}

export interface OperationOutcome {
  resourceType: 'OperationOutcome';
  issue: Array<{
    severity: 'error' | 'information';
    code: string;
    diagnostics?: string;
  }>;
}

export function operationOutcome(
  code: string,
  diagnostics?: string[] | string,
): OperationOutcome {
  const list = Array.isArray(diagnostics)
    ? diagnostics
    : diagnostics
    ? [diagnostics]
    : [undefined];
  return {
    resourceType: 'OperationOutcome',
    issue: list.map(d => ({
      severity: 'error',
      code,
      ...(d ? { diagnostics: d } : {}),
    })),
  };
}
