import { signalDefinition } from '@paddock/contract';

// Plain words for the signals people read most; the rest are spelled out
// from the catalogue's PascalCase name ("IsSteeringHeaterActive" →
// "Steering heater active").
const LABELS: Readonly<Record<string, string>> = {
  'tractionbattery-stateofcharge': 'State of charge',
  'tractionbattery-range': 'Range',
  'tractionbattery-nominalcapacity': 'Battery capacity',
  'tractionbattery-isheateractive': 'Battery heater',
  'tractionbattery-maxrangechargecounter': 'Charges to maximum range',
  'tractionbattery-estimatedrange': 'Estimated range',
  'tractionbattery-idealrange': 'Ideal range',
  'tractionbattery-ratedrange': 'Rated range',
  'internalcombustionengine-fuellevel': 'Fuel level',
  'internalcombustionengine-amountremaining': 'Fuel in the tank',
  'internalcombustionengine-range': 'Range on fuel',
  'internalcombustionengine-oillife': 'Oil life',
  'lowvoltagebattery-stateofcharge': '12 V battery charge',
  'lowvoltagebattery-status': '12 V battery status',
  'charge-ischarging': 'Charging',
  'charge-ischargingcableconnected': 'Charging cable',
  'charge-ischargingcablelatched': 'Cable latched',
  'charge-ischargingportflapopen': 'Charge port door',
  'charge-isfastchargerpresent': 'Fast charger',
  'charge-detailedchargingstatus': 'Charging status',
  'charge-chargelimits': 'Charge limit',
  'charge-timetocomplete': 'Time to full',
  'charge-amperage': 'Current',
  'charge-amperagemax': 'Maximum current',
  'charge-amperagerequested': 'Requested current',
  'charge-voltage': 'Voltage',
  'charge-wattage': 'Charging power',
  'charge-energyadded': 'Energy added',
  'charge-chargerphases': 'Charger phases',
  'charge-chargingconnectortype': 'Connector',
  'charge-fastchargertype': 'Fast charger type',
  'charge-chargeportstatuscolor': 'Charge port light',
  'charge-chargetimers': 'Charge timers',
  'charge-chargerecords': 'Charging sessions',
  'location-preciselocation': 'Position',
  'location-isathome': 'At home',
  'odometer-traveleddistance': 'Odometer',
  'motion-currentspeed': 'Speed',
  'transmission-gearstate': 'Gear',
  'transmission-drivemode': 'Drive mode',
  'closure-islocked': 'Doors locked',
  'closure-doors': 'Doors',
  'closure-windows': 'Windows',
  'closure-fronttrunk': 'Front trunk',
  'closure-reartrunk': 'Rear trunk',
  'closure-tailgate': 'Tailgate',
  'closure-sunroof': 'Sunroof',
  'closure-enginecover': 'Bonnet',
  'surveillance-isenabled': 'Surveillance',
  'surveillance-brand': 'Surveillance system',
  'wheel-tires': 'Tyre pressures',
  'wheel-style': 'Wheels',
  'climate-externaltemperature': 'Outside temperature',
  'climate-internaltemperature': 'Cabin temperature',
  'hvac-cabintargettemperature': 'Cabin set to',
  'hvac-iscabinhvacactive': 'Climate control',
  'hvac-isfrontdefrosteractive': 'Front defroster',
  'hvac-isreardefrosteractive': 'Rear defroster',
  'hvac-issteeringheateractive': 'Steering wheel heater',
  'vehicleidentification-vin': 'VIN',
  'vehicleidentification-nickname': 'Nickname',
  'vehicleidentification-trim': 'Trim',
  'vehicleidentification-exteriorcolor': 'Colour',
  'vehicleidentification-packages': 'Packages',
  'connectivitystatus-isonline': 'Online',
  'connectivitystatus-isasleep': 'Asleep',
  'connectivitystatus-isdigitalkeypaired': 'Digital key paired',
  'connectivitysoftware-currentfirmwareversion': 'Software version',
  'service-isinservice': 'In service',
  'service-records': 'Service records',
  'vehicleuseraccount-role': 'Your role',
  'vehicleuseraccount-permissions': 'Account permissions',
  'diagnostics-dtccount': 'Trouble codes',
  'diagnostics-dtclist': 'Trouble code list',
  'diagnostics-mil': 'Check-engine light',
  'diagnostics-abs': 'ABS',
  'diagnostics-evhvbattery': 'High-voltage battery',
};

/** The words shown for a signal code. */
export function signalLabel(code: string): string {
  const known = LABELS[code];
  if (known !== undefined) return known;
  const name = signalDefinition(code)?.name ?? code.split('-').at(-1) ?? code;
  const words = name
    .replace(/^Is(?=[A-Z])/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2');
  const lower = words.toLowerCase().replace(/\b(ev|hv|hvac|dtc|abs|mil)\b/g, (w) => w.toUpperCase());
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}
