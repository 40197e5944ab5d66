import { describe, expect, it } from 'vitest';
import { CONCERN_LEVELS } from '../api/triage.js';
import { missingAnalysisFields, POST_CALL_ANALYSIS_FIELDS } from './post-call-analysis.js';

describe('POST_CALL_ANALYSIS_FIELDS', () => {
  it('declares concern_level with the concern levels the API knows, and the three other fields', () => {
    expect(POST_CALL_ANALYSIS_FIELDS.map((field) => `${field.type}:${field.name}`)).toEqual([
      'enum:concern_level',
      'boolean:callback_requested',
      'boolean:opt_out',
      'string:owner_questions',
    ]);
    expect(POST_CALL_ANALYSIS_FIELDS[0].choices).toEqual(CONCERN_LEVELS);
  });

  it('describes each concern level in the concern_level instruction', () => {
    for (const level of CONCERN_LEVELS) expect(POST_CALL_ANALYSIS_FIELDS[0].description).toContain(`'${level}'`);
  });
});

describe('missingAnalysisFields', () => {
  it('names the fields an agent lacks, and none when it has them all (other fields do not matter)', () => {
    expect(missingAnalysisFields(['opt_out', 'pet_weight'])).toEqual(['concern_level', 'callback_requested', 'owner_questions']);
    expect(missingAnalysisFields(['owner_questions', 'opt_out', 'callback_requested', 'concern_level', 'x'])).toEqual([]);
  });
});
