import { describe, expect, it } from 'vitest';
import { parsePageData } from './page-data.js';

const observed = {
  consultation: { id: 310382, reason: 'Dental cleaning', notes: '<p>Extracted 2 teeth.</p>', date: '2026-11-23', status: 'Completed' },
  patient: { id: 8812, name: 'Bella', species: 'Canine', breed: 'Labrador', weight: 28.4 },
  client: { id: 5521, firstName: 'Jane', lastName: 'Doe', mobilePhone: '(415) 555-0123', email: 'jane@example.com' },
  pageData: {
    providers: [{ id: 3, name: 'Dr. Sam Rivera', email: 'sam@clinic.example', licenseNumber: 'CA-123', userType: 'Vet', companyId: 1 }],
    clientBranch: { id: 1, name: 'Mission Vet' },
    consultationLines: [{ productService: 'Dental', quantity: 1, isDeclined: false }],
    consultationNotes: [],
    vitalSignGroup: null,
  },
};

describe('parsePageData', () => {
  it('reads the observed shape and keeps unknown fields', () => {
    const data = parsePageData(observed);
    expect(data?.patient?.name).toBe('Bella');
    expect(data?.client?.mobilePhone).toBe('(415) 555-0123');
    expect(data?.pageData?.providers?.[0]?.name).toBe('Dr. Sam Rivera');
    expect((data?.patient as Record<string, unknown>)['weight']).toBe(28.4);
  });

  it.each([
    ['null fields', { consultation: { id: 1, notes: null, dischargeSummary: null }, client: null }],
    ['wrong types', { consultation: { id: { nested: true }, status: 7 }, patient: { name: 12 }, pageData: { providers: 'none' } }],
    ['empty object', {}],
  ])('tolerates %s', (_label, json) => {
    const data = parsePageData(json);
    expect(data).toBeDefined();
    expect(data?.patient?.name).toBeUndefined();
    expect(data?.pageData?.providers).toBeUndefined();
  });

  it.each([[null], ['<html>login</html>'], [[1, 2]], [42]])('gives undefined for %j', (json) => {
    expect(parsePageData(json)).toBeUndefined();
  });
});
