import type { JsonObject } from '@backstage/config';

/** An answer set for a template's form. */
export interface AnswerSet {
  id: string;
  values: JsonObject;
}

/** An answer set the form must refuse, and the field its message must name. */
export interface RefusedAnswerSet extends AnswerSet {
  field: string;
}

const fhirServiceBase: JsonObject = {
  name: 'patient-records-api',
  description: 'Patient and Observation records for the clinical portal',
  owner: 'group:default/clinical-data',
  system: 'system:default/clinical-records',
  namespace: 'clinical-records',
  onCall: 'https://oncall.carepath.example/clinical-data',
};

/** fhir-service answer sets (test plan §0). */
export const fhirServiceAnswers = {
  /** phi, backup policy, database, exposed, production and staging, local publish. */
  A: {
    id: 'A',
    values: {
      ...fhirServiceBase,
      dataClassification: 'phi',
      backupMaxAgeHours: 24,
      needsDatabase: true,
      exposed: true,
      hostname: 'patient-records.carepath.example',
      environments: ['production', 'staging'],
      publishTarget: 'local',
    },
  },
  /** internal, no database, not exposed, staging, GitHub. */
  B: {
    id: 'B',
    values: {
      ...fhirServiceBase,
      name: 'terminology-lookup',
      dataClassification: 'internal',
      needsDatabase: false,
      exposed: false,
      environments: ['staging'],
      publishTarget: 'github',
      repoUrl: 'github.com?owner=carepath&repo=terminology-lookup',
    },
  },
  /** public, database, exposed, production only. */
  C: {
    id: 'C',
    values: {
      ...fhirServiceBase,
      name: 'clinic-directory',
      dataClassification: 'public',
      needsDatabase: true,
      exposed: true,
      hostname: 'clinics.carepath.example',
      environments: ['production'],
      publishTarget: 'local',
    },
  },
} satisfies Record<string, AnswerSet>;

function without(values: JsonObject, ...keys: string[]): JsonObject {
  return Object.fromEntries(
    Object.entries(values).filter(([key]) => !keys.includes(key)),
  );
}

/** fhir-service answer sets the form must refuse. */
export const fhirServiceRefused: RefusedAnswerSet[] = [
  {
    id: 'phi without a backup policy',
    field: 'backupMaxAgeHours',
    values: without(fhirServiceAnswers.A.values, 'backupMaxAgeHours'),
  },
  {
    id: 'pii without a backup policy',
    field: 'backupMaxAgeHours',
    values: {
      ...without(fhirServiceAnswers.A.values, 'backupMaxAgeHours'),
      dataClassification: 'pii',
    },
  },
  {
    id: 'exposed without a hostname',
    field: 'hostname',
    values: without(fhirServiceAnswers.A.values, 'hostname'),
  },
  {
    id: 'no environment',
    field: 'environments',
    values: { ...fhirServiceAnswers.A.values, environments: [] },
  },
  {
    id: 'a bad name',
    field: 'name',
    values: { ...fhirServiceAnswers.A.values, name: 'Patient_Records-' },
  },
  {
    id: 'github without a repository',
    field: 'repoUrl',
    values: without(fhirServiceAnswers.B.values, 'repoUrl'),
  },
];

/** hl7-integration-worker answer sets. */
export const workerAnswers = {
  /** Every field. */
  A: {
    id: 'A',
    values: {
      name: 'adt-feed-worker',
      description: 'ADT and ORU feed from the hospital interface engine',
      owner: 'group:default/clinical-data',
      system: 'system:default/clinical-records',
      namespace: 'clinical-records',
      onCall: 'https://oncall.carepath.example/clinical-data',
      dataClassification: 'phi',
      senderNamespace: 'interface-engine',
      fhirBaseUrl: 'https://patient-records.clinical-records.svc/fhir',
      environments: ['staging', 'production'],
      publishTarget: 'local',
    },
  },
  /** Only what is required. */
  B: {
    id: 'B',
    values: {
      name: 'lab-results-worker',
      description: 'ORU lab results feed',
      owner: 'group:default/clinical-data',
      system: 'system:default/clinical-records',
      namespace: 'clinical-records',
      onCall: 'lab-oncall',
      dataClassification: 'phi',
      environments: ['staging'],
      publishTarget: 'local',
    },
  },
} satisfies Record<string, AnswerSet>;

/** The demo service the day-2 templates run against. */
export const demoService = {
  name: 'patient-intake',
  namespace: 'clinical-intake',
  database: 'patient_intake',
  entityRef: 'component:default/patient-intake',
  owner: 'group:default/clinical-data',
};

/** The demo service as the catalog holds it (what `catalog:fetch` returns). */
export const demoServiceEntity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: demoService.name,
    description: 'Patient intake forms',
    annotations: {
      'backstage.io/kubernetes-id': demoService.name,
      'backstage.io/kubernetes-namespace': demoService.namespace,
      'carepath.io/data-classification': 'phi',
      'carepath.io/database': demoService.database,
    },
  },
  spec: {
    type: 'service',
    lifecycle: 'experimental',
    owner: demoService.owner,
  },
};

/** database-operations answer sets, one or more per operation. */
export const databaseOperationsAnswers = {
  provision: {
    id: 'provision',
    values: {
      service: demoService.entityRef,
      operation: 'provision',
      cluster: 'staging',
      provider: 'postgres',
      backupMaxAgeHours: 24,
    },
  },
  rotate: {
    id: 'rotate-credentials',
    values: {
      service: demoService.entityRef,
      operation: 'rotate-credentials',
      acknowledgeRestart: true,
    },
  },
  backup: {
    id: 'backup',
    values: { service: demoService.entityRef, operation: 'backup' },
  },
  restoreTest: {
    id: 'restore test',
    values: {
      service: demoService.entityRef,
      operation: 'restore',
      backupId: 'set-by-the-test',
      restoreMode: 'test',
      targetDatabase: 'patient_intake_restore_test',
    },
  },
  restoreInPlace: {
    id: 'restore in place',
    values: {
      service: demoService.entityRef,
      operation: 'restore',
      backupId: 'set-by-the-test',
      restoreMode: 'in-place',
      confirm: demoService.database,
    },
  },
} satisfies Record<string, AnswerSet>;

/** database-operations answer sets the form must refuse. */
export const databaseOperationsRefused: RefusedAnswerSet[] = [
  {
    id: 'in-place restore without confirm',
    field: 'confirm',
    values: without(databaseOperationsAnswers.restoreInPlace.values, 'confirm'),
  },
  {
    id: 'rotate without the acknowledgement',
    field: 'acknowledgeRestart',
    values: {
      ...databaseOperationsAnswers.rotate.values,
      acknowledgeRestart: false,
    },
  },
  {
    id: 'provision without a backup policy',
    field: 'backupMaxAgeHours',
    values: without(
      databaseOperationsAnswers.provision.values,
      'backupMaxAgeHours',
    ),
  },
];

/** service-decommission answer set: phi with a matching confirm. */
export const decommissionAnswers = {
  A: {
    id: 'phi with confirm',
    values: {
      service: demoService.entityRef,
      clusters: ['staging'],
      reason: 'Replaced by the new intake flow in patient-records-api.',
      hasDatabase: true,
      confirm: demoService.database,
      acknowledge: true,
    },
  },
} satisfies Record<string, AnswerSet>;

/** service-decommission answer sets the form must refuse. */
export const decommissionRefused: RefusedAnswerSet[] = [
  {
    id: 'unticked acknowledgement',
    field: 'acknowledge',
    values: { ...decommissionAnswers.A.values, acknowledge: false },
  },
];
