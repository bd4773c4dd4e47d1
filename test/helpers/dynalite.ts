/** A real DynamoDB implementation (dynalite, in memory) on loopback, with the requests table created. */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { createRequestsTable } from '../../src/requests/dynamo-store.js';

const requireCjs = createRequire(__filename);
const dynalite = requireCjs('dynalite') as (options: Record<string, number>) => Server;

export interface LocalDynamo {
  endpoint: string;
  clientConfig: { endpoint: string; region: string; credentials: { accessKeyId: string; secretAccessKey: string }; maxAttempts: number };
  close(): Promise<void>;
}

export async function startDynalite(table: string): Promise<LocalDynamo> {
  const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientConfig = { endpoint, region: 'ap-northeast-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' }, maxAttempts: 3 };
  await createRequestsTable(table, clientConfig);
  return { endpoint, clientConfig, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
