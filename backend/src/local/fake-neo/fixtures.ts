/**
 * The consultations a fake IDEXX Neo serves, in the page-data shape observed in public code
 * (docs/idexx-neo.md). Invented people and numbers only. Phone numbers end in digits the Retell
 * simulator answers and completes (anything but 0101–0107).
 */

/** A client (pet owner) with the numbers shown on their client page, `/clients/view/<id>`. */
export interface FakeNeoClient {
  id: number;
  firstName: string;
  lastName: string;
  email?: string;
  /** What the client page shows after "Mobile No:", "Home No:", "Work No:" (as staff typed them). */
  clientPage: { mobile?: string; home?: string; work?: string };
}

/** One consultation: what `/consultations/<id>/page-data` returns, plus what a correct reader should derive. */
export interface FakeNeoConsultation {
  id: string;
  /** Why this fixture exists (the case it covers). */
  covers: string;
  client: FakeNeoClient;
  /** The body of `GET /consultations/<id>/page-data`. */
  pageData: Record<string, unknown> & {
    consultation: { id: number; status: string; reason: string; notes: string; dischargeSummary?: string; date: string };
    patient: { id: number; name: string; species: string; breed: string };
  };
  /** What the extension should pre-fill: owner "First Last", pet, phone as shown in Neo, its E.164 form, vet. */
  expected: { ownerName: string; petName: string; phone: string; phoneE164: string; vetName: string };
}

const branch = { id: 1, name: 'Mission Street Veterinary Clinic' };
const drRivera = { id: 3, name: 'Dr. Sam Rivera', email: 'sam.rivera@clinic.example', licenseNumber: 'CA-VET-1234', userType: 'Veterinarian', companyId: 1 };
const drLefevre = { id: 4, name: 'Dr. Anaïs Lefèvre', email: 'anais@clinic.example', licenseNumber: 'CA-VET-5678', userType: 'Veterinarian', companyId: 1 };

const longDischargeHtml = [
  '<h3>Post-operative instructions &mdash; TPLO (right stifle)</h3>',
  ...Array.from(
    { length: 40 },
    (_, i) =>
      `<p>Day ${i + 1}: keep Señor Bigotes confined to a small room or crate; leash walks of 5&nbsp;minutes only, ` +
      `check the incision for redness, swelling or discharge &amp; give Carprofen 75&nbsp;mg with food.</p>`,
  ),
  '<ul><li>E-collar at all times</li><li>Recheck &amp; suture removal in 14 days</li></ul>',
].join('\n');

/** The fixtures, in the order the fake Neo lists them. */
export const FAKE_NEO_CONSULTATIONS: readonly FakeNeoConsultation[] = [
  {
    id: '310382',
    covers: 'US phone "(415) 555-0123" in page-data (client.mobilePhone), dischargeSummary present',
    client: { id: 5521, firstName: 'Jane', lastName: 'Doe', email: 'jane.doe@mail.example', clientPage: { mobile: '(415) 555-0123' } },
    pageData: {
      consultation: {
        id: 310382,
        status: 'Completed',
        reason: 'Dental cleaning',
        date: '2026-11-23T09:30:00',
        notes: '<p>Scale and polish under GA. Extracted 104 (fractured).</p>',
        dischargeSummary: '<p>Bella had a dental cleaning and one tooth removed.</p><p>Soft food for 3&nbsp;days; Carprofen once daily with food.</p>',
      },
      patient: { id: 8812, name: 'Bella', species: 'Canine', breed: 'Labrador Retriever' },
      client: { id: 5521, firstName: 'Jane', lastName: 'Doe', mobilePhone: '(415) 555-0123', email: 'jane.doe@mail.example' },
      pageData: {
        providers: [drRivera],
        clientBranch: branch,
        consultationLines: [{ productService: 'Dental scale & polish', quantity: 1, isDeclined: false }],
        consultationNotes: [],
        vitalSignGroup: { weightKg: 28.4 },
      },
    },
    expected: { ownerName: 'Jane Doe', petName: 'Bella', phone: '(415) 555-0123', phoneE164: '+14155550123', vetName: 'Dr. Sam Rivera' },
  },
  {
    id: '310383',
    covers: 'NO phone in page-data; the number is only on the client page ("Mobile No:")',
    client: { id: 5522, firstName: 'Tom', lastName: 'Baker', clientPage: { mobile: '(415) 555-0188', work: '415.555.0144' } },
    pageData: {
      consultation: {
        id: 310383,
        status: 'Paid',
        reason: 'Vaccination and check-up',
        date: '2026-11-23T10:15:00',
        notes: 'FVRCP booster given. Mild reaction possible for 24 h: lethargy, low appetite.',
      },
      patient: { id: 8813, name: 'Milo', species: 'Feline', breed: 'Domestic Shorthair' },
      client: { id: 5522, firstName: 'Tom', lastName: 'Baker' },
      pageData: { providers: [drRivera], clientBranch: branch, consultationLines: [], consultationNotes: [] },
    },
    expected: { ownerName: 'Tom Baker', petName: 'Milo', phone: '(415) 555-0188', phoneE164: '+14155550188', vetName: 'Dr. Sam Rivera' },
  },
  {
    id: '310384',
    covers: "accented / apostrophe names, long HTML discharge notes (truncated), phone in client.phone",
    client: { id: 5523, firstName: 'Zoë', lastName: "O'Brien-Núñez", clientPage: { home: '+1 415 555 0177' } },
    pageData: {
      consultation: { id: 310384, status: 'Unpaid', reason: 'TPLO surgery discharge', date: '2026-11-22T16:00:00', notes: longDischargeHtml },
      patient: { id: 8814, name: 'Señor Bigotes', species: 'Canine', breed: 'Boxer' },
      client: { id: 5523, firstName: 'Zoë', lastName: "O'Brien-Núñez", phone: '+1 415 555 0177', homePhone: '+1 415 555 0177' },
      pageData: { providers: [drLefevre, drRivera], clientBranch: branch, consultationLines: [], consultationNotes: null },
    },
    expected: { ownerName: "Zoë O'Brien-Núñez", petName: 'Señor Bigotes', phone: '+1 415 555 0177', phoneE164: '+14155550177', vetName: 'Dr. Anaïs Lefèvre' },
  },
  {
    id: '310385',
    covers: 'a Draft consultation, international work phone only, no provider',
    client: { id: 5524, firstName: 'Ana', lastName: 'Lima', clientPage: { work: '+44 20 7946 0958' } },
    pageData: {
      consultation: { id: 310385, status: 'Draft', reason: 'Limping, left fore', date: '2026-11-23T11:00:00', notes: '' },
      patient: { id: 8815, name: 'Rex', species: 'Canine', breed: 'German Shepherd' },
      client: { id: 5524, firstName: 'Ana', lastName: 'Lima', workPhone: '+44 20 7946 0958' },
      pageData: { providers: [], clientBranch: branch },
    },
    expected: { ownerName: 'Ana Lima', petName: 'Rex', phone: '+44 20 7946 0958', phoneE164: '+442079460958', vetName: '' },
  },
];

/** The clinic's business hours as Neo's `/schedule/getScheduleConfigs` reports them (clinic-local, no zone). */
export const FAKE_NEO_BUSINESS_HOURS = { start: '08:00', end: '18:00', daysOfWeek: [1, 2, 3, 4, 5] } as const;

/** Looks a fixture up by consultation id. */
export function findFakeConsultation(id: string): FakeNeoConsultation | undefined {
  return FAKE_NEO_CONSULTATIONS.find((c) => c.id === id);
}
