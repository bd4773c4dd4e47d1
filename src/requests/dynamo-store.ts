/**
 * The DynamoDB store (REQUESTS_TABLE). One item per request: key `id`, `version` for conditional writes,
 * `state` and `createdAt` for listing, `purgeAt` for the table's TTL, and the record itself as JSON.
 */
import type { AttributeValue, DynamoDBClient, DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import { OPEN_STATES, readStoredRequest, type EndpointRequest } from './model.js';
import { VersionConflict, assertHistoryExtends, needsSweep, purgeAtEpochSeconds, type RequestStore } from './store.js';

type Sdk = typeof import('../sdk/dynamodb.js');

function toItem(request: EndpointRequest): Record<string, AttributeValue> {
  return {
    id: { S: request.id },
    version: { N: String(request.version) },
    state: { S: request.state },
    createdAt: { S: request.createdAt },
    purgeAt: { N: String(purgeAtEpochSeconds(request)) },
    record: { S: JSON.stringify(request) },
    // Top level too, so the sweep's scan can select finished requests whose message needs a redraw.
    ...(request.messageStale && { messageStale: { BOOL: true } }),
  };
}

function fromItem(item: Record<string, AttributeValue> | undefined): EndpointRequest | undefined {
  const record = item?.record?.S;
  return record ? readStoredRequest(JSON.parse(record)) : undefined;
}

const isConditionFailure = (error: unknown) => (error as { name?: string }).name === 'ConditionalCheckFailedException';

export class DynamoRequestStore implements RequestStore {
  private sdk: Promise<{ sdk: Sdk; client: DynamoDBClient }> | undefined;

  constructor(
    private readonly table: string,
    private readonly clientConfig: DynamoDBClientConfig = {},
    /** Items per Scan page (DynamoDB's own cap is 1 MB a page); tests make it small to cross many pages. */
    private readonly scanPageSize?: number,
  ) {}

  private async db(): Promise<{ sdk: Sdk; client: DynamoDBClient }> {
    this.sdk ??= import('../sdk/dynamodb.js').then((sdk) => ({
      sdk,
      client: new sdk.DynamoDBClient({ maxAttempts: 4, ...this.clientConfig }),
    }));
    return this.sdk;
  }

  async create(request: EndpointRequest): Promise<boolean> {
    const { sdk, client } = await this.db();
    try {
      await client.send(new sdk.PutItemCommand({ TableName: this.table, Item: toItem(request), ConditionExpression: 'attribute_not_exists(id)' }));
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  async get(id: string): Promise<EndpointRequest | undefined> {
    const { sdk, client } = await this.db();
    const result = await client.send(new sdk.GetItemCommand({ TableName: this.table, Key: { id: { S: id } }, ConsistentRead: true }));
    return fromItem(result.Item);
  }

  async replace(next: EndpointRequest): Promise<void> {
    const { sdk, client } = await this.db();
    // The version condition below makes this check and the write one step: a record changed in between is refused.
    const current = await this.get(next.id);
    if (!current || current.version !== next.version - 1) throw new VersionConflict(next.id);
    assertHistoryExtends(current, next);
    try {
      await client.send(
        new sdk.PutItemCommand({
          TableName: this.table,
          Item: toItem(next),
          ConditionExpression: '#version = :expected',
          ExpressionAttributeNames: { '#version': 'version' },
          ExpressionAttributeValues: { ':expected': { N: String(next.version - 1) } },
        }),
      );
    } catch (error) {
      if (isConditionFailure(error)) throw new VersionConflict(next.id);
      throw error;
    }
  }

  async list({ openOnly, limit }: { openOnly: boolean; limit: number }): Promise<EndpointRequest[]> {
    const requests = await this.scan(
      openOnly
        ? {
            FilterExpression: `#state IN (${OPEN_STATES.map((_, i) => `:s${i}`).join(', ')})`,
            ExpressionAttributeNames: { '#state': 'state' },
            ExpressionAttributeValues: Object.fromEntries(OPEN_STATES.map((s, i) => [`:s${i}`, { S: s }])),
          }
        : {},
    );
    return requests.sort((a, b) => b.createdAt.localeCompare(a.createdAt)).slice(0, limit);
  }

  /**
   * Every page of the table (a Scan returns at most 1 MB, or `scanPageSize` items, and LastEvaluatedKey while more
   * remain: https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Scan.html#Scan.Pagination).
   * The filter narrows what comes back, not what is read: the scan reads the whole table each sweep.
   */
  async listForSweep(): Promise<EndpointRequest[]> {
    const requests = await this.scan({
      FilterExpression: `#state IN (${OPEN_STATES.map((_, i) => `:s${i}`).join(', ')}) OR #stale = :stale`,
      ExpressionAttributeNames: { '#state': 'state', '#stale': 'messageStale' },
      ExpressionAttributeValues: { ...Object.fromEntries(OPEN_STATES.map((s, i) => [`:s${i}`, { S: s }])), ':stale': { BOOL: true } },
    });
    // Items written before `messageStale` was a top-level attribute are selected by state only; the record decides.
    return requests.filter(needsSweep);
  }

  private async scan(filter: {
    FilterExpression?: string;
    ExpressionAttributeNames?: Record<string, string>;
    ExpressionAttributeValues?: Record<string, AttributeValue>;
  }): Promise<EndpointRequest[]> {
    const { sdk, client } = await this.db();
    const requests: EndpointRequest[] = [];
    let startKey: Record<string, AttributeValue> | undefined;
    do {
      const page = await client.send(
        new sdk.ScanCommand({
          TableName: this.table,
          // Strongly consistent: a list drawn right after a decision (the App Home, `requests`) shows that decision.
          ConsistentRead: true,
          ...filter,
          ...(this.scanPageSize && { Limit: this.scanPageSize }),
          ...(startKey && { ExclusiveStartKey: startKey }),
        }),
      );
      for (const item of page.Items ?? []) {
        const request = fromItem(item);
        if (request) requests.push(request);
      }
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return requests;
  }
}

/** The table as serverless.yml declares it; tests and local DynamoDB implementations create it with this. */
export async function createRequestsTable(table: string, clientConfig: DynamoDBClientConfig): Promise<void> {
  const sdk = await import('../sdk/dynamodb.js');
  const client = new sdk.DynamoDBClient(clientConfig);
  await client.send(
    new sdk.CreateTableCommand({
      TableName: table,
      AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      BillingMode: 'PAY_PER_REQUEST',
    }),
  );
}
