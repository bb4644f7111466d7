import type { SmartcarClient } from '@paddock/sdk';

/** Every page, item by item: `for await` follows the server's `links.next`. */
export async function simulatedVehicleIds(smartcar: SmartcarClient): Promise<string[]> {
  const ids: string[] = [];
  for await (const connection of smartcar.connections.list({ vehicleMode: 'simulated', pageSize: 100 })) {
    ids.push(connection.vehicleId);
  }
  return ids;
}

/** Or one page at a time. */
export async function subscriptionCount(smartcar: SmartcarClient, webhookId: string) {
  const page = await smartcar.subscriptions.list({ webhookId, pageSize: 25 });
  return { total: page.totalCount, onThisPage: page.data.length, more: page.hasNextPage() };
}
