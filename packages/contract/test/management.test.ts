import { applicationSecretListResponseSchema, applicationSecretSchema } from '@paddock/contract';

// Paddock's own shape for the undocumented secrets list (reference §4.3 ⚠).
const SECRET = {
  id: '0b6e5d1c-4f3a-8a2b-9c1d-2e3f4a5b6c7d',
  type: 'application-secret',
  attributes: { hint: 'x9Qz' },
  relationships: {
    application: {
      data: { type: 'application', id: 'app-1' },
      links: { related: 'https://management.smartcar.com/v3/applications/app-1' },
    },
  },
  meta: { createdAt: '2026-05-01T09:00:00.000Z' },
};

const LIST = {
  data: [SECRET],
  meta: { pageNumber: 1, pageSize: 25, totalCount: 1 },
  links: { self: 's', first: 'f', last: 'l', next: null, prev: null },
};

describe('application secrets', () => {
  test('the list and a secret without a hint parse', () => {
    expect(applicationSecretListResponseSchema.parse(LIST).data[0]?.attributes.hint).toBe('x9Qz');
    const unhinted = { ...SECRET, attributes: { hint: null } };
    expect(applicationSecretSchema.parse(unhinted).attributes.hint).toBeNull();
  });

  test('a value among the attributes, a longer hint or another type is refused', () => {
    const withValue = { ...SECRET, attributes: { hint: 'x9Qz', secret: 'whole-secret-x9Qz' } };
    expect(applicationSecretSchema.safeParse(withValue).success).toBe(false);
    expect(applicationSecretSchema.safeParse({ ...SECRET, attributes: { hint: 'et-x9Qz' } }).success).toBe(
      false,
    );
    expect(applicationSecretSchema.safeParse({ ...SECRET, type: 'secret' }).success).toBe(false);
    const unrelated = { ...SECRET, relationships: {} };
    expect(applicationSecretSchema.safeParse(unrelated).success).toBe(false);
  });
});
