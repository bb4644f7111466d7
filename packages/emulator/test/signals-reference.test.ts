import {
  SIGNAL_CODES,
  SIGNAL_GROUPS,
  SIGNALS,
  type SignalCode,
  signalBodyToImperial,
  signalCode,
  signalListResponseSchema,
  signalResponseSchema,
  signalResponseVariantsSchema,
  signalSchema,
} from '@paddock/contract';

/** The signal resource example of reference §3.4, verbatim. */
const REFERENCE_SIGNAL = {
  id: 'tractionbattery-stateofcharge',
  type: 'signal',
  attributes: {
    code: 'tractionbattery-stateofcharge',
    name: 'StateOfCharge',
    group: 'TractionBattery',
    status: { value: 'SUCCESS' },
    body: { value: 78, unit: 'percent' },
  },
  meta: {
    retrievedAt: '2026-05-02T08:15:31.000Z',
    oemUpdatedAt: '2026-05-02T08:14:50.000Z',
    ingestedAt: '2026-05-02T08:15:31.120Z',
  },
  links: {
    self: 'https://vehicle.api.smartcar.com/v3/vehicles/{id}/signals/tractionbattery-stateofcharge',
    vehicle: 'https://vehicle.api.smartcar.com/v3/vehicles/{id}',
  },
};

/** Example bodies of the catalogue table of reference §3.4, with the spellings it mentions. */
const REFERENCE_BODIES: [SignalCode, unknown][] = [
  ['tractionbattery-stateofcharge', { value: 78, unit: 'percent' }],
  [
    'tractionbattery-range',
    {
      value: 320,
      unit: 'km',
      type: 'DEFAULT',
      additionalValues: [{ type: 'IDEAL_CONDITIONS', value: 350, unit: 'km' }],
    },
  ],
  [
    'tractionbattery-nominalcapacity',
    {
      capacity: 77,
      unit: 'kWh',
      source: 'SMARTCAR',
      availableCapacities: [{ capacity: 77, description: null }],
    },
  ],
  ['charge-detailedchargingstatus', { value: 'FULLY_CHARGED' }],
  ['charge-chargelimits', { values: [{ type: 'GLOBAL', limit: 80 }], activeLimit: 80, unit: 'percent' }],
  ['charge-timetocomplete', { value: 45, unit: 'minute' }],
  ['charge-timetocomplete', { value: 45, unit: 'min' }],
  ['charge-wattage', { value: 7200, unit: 'watt' }],
  ['charge-wattage', { value: 7200, unit: 'watts' }],
  ['charge-amperage', { value: null, unit: 'ampere' }],
  ['charge-voltage', { value: 240, unit: 'volts' }],
  ['charge-chargingconnectortype', { value: 'J1772' }],
  ['charge-fastchargertype', { value: 'CCS' }],
  [
    'charge-chargetimers',
    {
      values: [
        {
          type: 'SCHEDULE',
          condition: {
            name: 'Home',
            address: '1 Main St',
            latitude: 39.7,
            longitude: -105,
            connectorType: 'J1772',
          },
          schedules: [{ start: '22:00', end: '06:00', days: ['MONDAY'] }],
          departureTimers: [{ days: ['MONDAY'], time: '07:30' }],
          isOEMOptimizationEnabled: false,
          scheduleType: 'WEEKLY',
          scheduleId: 'sch_1',
        },
      ],
    },
  ],
  ['odometer-traveleddistance', { value: 12345.6, unit: 'km' }],
  ['odometer-traveleddistance', { value: 12345.6, unit: 'kilometers' }],
  [
    'location-preciselocation',
    { latitude: 39.74, longitude: -104.99, heading: 90, direction: 'E', locationType: 'LAST_PARKED' },
  ],
  ['internalcombustionengine-range', { value: 500, unit: 'kilometers' }],
  ['internalcombustionengine-amountremaining', { value: 30, unit: 'liters' }],
  [
    'closure-doors',
    {
      values: [{ row: 0, column: 0, isOpen: false, isLocked: true }],
      rowCount: 2,
      columnCount: 2,
    },
  ],
  ['closure-windows', { values: [{ row: 0, column: 0, isOpen: false }], rowCount: 2, columnCount: 2 }],
  ['closure-fronttrunk', { isOpen: false, isLocked: true }],
  ['closure-sunroof', { isOpen: false }],
  ['wheel-tires', { values: [{ row: 0, column: 0, tirePressure: 230 }], rowCount: 2, columnCount: 2 }],
  ['vehicleidentification-vin', { value: '5YJ3E1EA7KF317000' }],
  ['vehicleuseraccount-role', { value: 'Owner' }],
  ['vehicleuseraccount-permissions', { values: ['vehicle_cmds'] }],
  ['motion-currentspeed', { value: 0, unit: 'kph' }],
  ['climate-externaltemperature', { value: 12.5, unit: 'celsius' }],
  ['diagnostics-abs', { status: 'OK', description: null }],
  ['diagnostics-dtccount', { value: 0 }],
  ['diagnostics-dtclist', { values: [{ code: 'P0420', timestamp: '2026-05-01T10:00:00.000Z' }] }],
];

describe('the signal catalogue against reference §3.4', () => {
  it('parses the documented signal resource, top level and wrapped', () => {
    expect(signalResponseSchema.parse(REFERENCE_SIGNAL)).toEqual(REFERENCE_SIGNAL);
    expect(signalResponseVariantsSchema.safeParse({ data: REFERENCE_SIGNAL }).success).toBe(true);
    // Epoch seconds and milliseconds also appear in Smartcar's examples.
    const numeric = { ...REFERENCE_SIGNAL, meta: { retrievedAt: 1777709731, oemUpdatedAt: 1777709690000 } };
    expect(signalSchema.safeParse(numeric).success).toBe(true);
  });

  it('parses the documented list response and a signal in error', () => {
    const failing = {
      ...REFERENCE_SIGNAL,
      id: 'charge-amperage',
      attributes: {
        code: 'charge-amperage',
        name: 'Amperage',
        group: 'Charge',
        status: {
          value: 'ERROR',
          error: {
            type: 'VEHICLE_STATE',
            code: 'NOT_CHARGING',
            title: 'Not charging',
            detail: 'The vehicle is not charging.',
            resolution: { type: 'UNKNOWN_RESOLUTION_TYPE' },
          },
        },
        body: { value: null, unit: 'ampere' },
      },
    };
    const list = {
      data: [REFERENCE_SIGNAL, failing],
      meta: { totalCount: 42, pageSize: 42, pageNumber: 1 },
      links: { self: 'https://vehicle.api.smartcar.com/v3/vehicles/{id}/signals' },
      included: {
        vehicle: {
          id: '{id}',
          type: 'vehicle',
          attributes: { make: 'VOLKSWAGEN', model: 'ID. Buzz', year: 2024 },
          links: { self: 'https://vehicle.api.smartcar.com/v3/vehicles/{id}' },
        },
      },
    };
    expect(signalListResponseSchema.parse(list)).toEqual(list);
  });

  it.each(REFERENCE_BODIES)('accepts the documented body of %s', (code, body) => {
    const parsed = SIGNALS[code].body.safeParse(body);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
  });

  it('covers every group with codes built from group and name', () => {
    expect(SIGNAL_CODES.length).toBeGreaterThanOrEqual(93);
    expect(new Set(SIGNAL_CODES.map((c) => SIGNALS[c].group))).toEqual(new Set(SIGNAL_GROUPS));
    for (const code of SIGNAL_CODES) expect(signalCode(SIGNALS[code].group, SIGNALS[code].name)).toBe(code);
  });

  it('converts to imperial and keeps the result valid for the schema', () => {
    const imperial = signalBodyToImperial({ value: 100, unit: 'km' });
    expect(imperial).toEqual({ value: 62.14, unit: 'miles' });
    expect(SIGNALS['odometer-traveleddistance'].body.safeParse(imperial).success).toBe(true);
    expect(signalBodyToImperial({ value: 50, unit: 'liters' })).toEqual({ value: 13.21, unit: 'gallons' });
    expect(signalBodyToImperial({ value: -40, unit: 'celsius' })).toEqual({ value: -40, unit: 'fahrenheit' });
    expect(signalBodyToImperial({ value: 100, unit: 'kph' })).toEqual({ value: 62.14, unit: 'mph' });
    expect(signalBodyToImperial({ value: 80, unit: 'percent' })).toEqual({ value: 80, unit: 'percent' });
  });
});
