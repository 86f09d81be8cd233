import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  describeIssues,
  observationSchema,
  patientSchema,
} from '../src/fhir.ts';
import { observation, patient } from './helpers.ts';

describe('FHIR validation', () => {
  it('accepts a valid Patient and Observation', () => {
    assert.equal(patientSchema.safeParse(patient).success, true);
    assert.equal(observationSchema.safeParse(observation('abc')).success, true);
  });

  it('rejects unknown elements, bad dates and wrong resource types', () => {
    assert.equal(
      patientSchema.safeParse({ ...patient, favouriteColour: 'blue' }).success,
      false,
    );
    assert.equal(
      patientSchema.safeParse({ ...patient, birthDate: '12/04/1961' }).success,
      false,
    );
    assert.equal(
      patientSchema.safeParse({ ...patient, resourceType: 'Person' }).success,
      false,
    );
    assert.equal(
      patientSchema.safeParse({ ...patient, gender: 'f' }).success,
      false,
    );
  });

  it('rejects an Observation without status, with a bad subject or two values', () => {
    const { status: _status, ...noStatus } = observation('abc');
    assert.equal(observationSchema.safeParse(noStatus).success, false);
    assert.equal(
      observationSchema.safeParse({
        ...observation('abc'),
        subject: { reference: 'Group/1' },
      }).success,
      false,
    );
    assert.equal(
      observationSchema.safeParse({
        ...observation('abc'),
        valueString: 'high',
      }).success,
      false,
    );
  });

  it('describes problems without echoing submitted values', () => {
    const result = patientSchema.safeParse({
      ...patient,
      birthDate: 'SECRET-VALUE',
    });
    assert.equal(result.success, false);
    const text = describeIssues(result.error!).join('\n');
    assert.match(text, /birthDate/);
    assert.doesNotMatch(text, /SECRET-VALUE/);
  });
});
