// Just enough of the official `smartcar` npm package (plain JavaScript) for the compatibility tests.
declare module 'smartcar' {
  interface Meta {
    requestId?: string;
  }
  class SmartcarError extends Error {
    statusCode: number;
    type: string;
    requestId?: string;
  }
  class AuthClient {
    constructor(options: { clientId: string; clientSecret: string; redirectUri?: string; mode?: string });
    getAuthUrl(
      scope?: string[],
      options?: { state?: string; forcePrompt?: boolean; makeBypass?: string },
    ): string;
  }
  class Vehicle {
    constructor(id: string, token: string, options?: { unitSystem?: 'metric' | 'imperial' });
    getSignals(): Promise<{ body: unknown; headers: Meta }>;
    getSignal(code: string): Promise<{ body: unknown; headers: Meta }>;
    request(
      method: string,
      path: string,
      body?: unknown,
      headers?: Record<string, string>,
      apiVersion?: string,
    ): Promise<{ body: unknown; meta: Meta }>;
  }
  const smartcar: {
    AuthClient: typeof AuthClient;
    Vehicle: typeof Vehicle;
    SmartcarError: typeof SmartcarError;
    getVehicle(accessToken: string, vehicleId: string): Promise<{ body: unknown; headers: Meta }>;
    hashChallenge(amt: string, challenge: string): string;
  };
  export default smartcar;
}
