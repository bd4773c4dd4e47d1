/** The store the configuration asks for: DynamoDB when REQUESTS_TABLE is set, else files under DATA_DIR. */
import type { Config } from '../config.js';
import { DynamoRequestStore } from './dynamo-store.js';
import { FileRequestStore } from './file-store.js';
import type { RequestStore } from './store.js';

export function openStore(config: Config): RequestStore {
  return config.requestsTable ? new DynamoRequestStore(config.requestsTable) : new FileRequestStore(config.dataDir);
}
