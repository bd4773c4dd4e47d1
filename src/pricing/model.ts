/**
 * The price model: which figures the bot prices with, and how much each one is to be trusted. Pure data types; the
 * figures themselves are in table.ts (one dated entry per region and figure, each with its source), the arithmetic in
 * estimate.ts.
 */

/** Every figure a region's table holds, in the unit its name ends with. */
export const FIGURE_KEYS = [
  // Interface endpoints (AWS PrivateLink): per endpoint per AZ-hour, and per GB in three monthly tiers.
  'interfaceEndpointAzHour',
  'interfaceGbFirstPb',
  'interfaceGbNext4Pb',
  'interfaceGbOver5Pb',
  // Gateway endpoints (S3, DynamoDB): no charge.
  'gatewayEndpointHour',
  // Resource endpoints (VPC resources through PrivateLink): per GB, first tier; service-network endpoints: per hour.
  'resourceEndpointGb',
  'serviceNetworkEndpointHour',
  // Transit Gateway: per attachment-hour and per GB processed.
  'tgwAttachmentHour',
  'tgwGb',
  // Data transfer: across AZs in one region (each direction), and out to another region (VPC peering, cross-region PrivateLink).
  'crossAzGbEachWay',
  'interRegionGb',
  // NAT gateway: what traffic to AWS services pays without an endpoint.
  'natGatewayHour',
  'natGatewayGb',
  // VPC Lattice: per service-hour, per GB, per million requests.
  'latticeServiceHour',
  'latticeGb',
  'latticeMillionRequests',
] as const;

export type FigureKey = (typeof FIGURE_KEYS)[number];

/**
 * How a figure was obtained:
 * - `aws-page`: read on the service's AWS pricing page;
 * - `price-list`: read from the AWS Price List Query API by `npm run prices`;
 * - `secondary`: a third party quoting AWS (a page or a repository), not read from AWS by us;
 * - `assumed`: no figure found for this region: the figure of region `from` is used, and every estimate says so;
 * - `not-found`: no figure at all (the value is null): the estimate leaves this charge out and says so.
 */
export type Basis = 'aws-page' | 'price-list' | 'secondary' | 'assumed' | 'not-found';

export type Currency = 'USD' | 'CNY';

export interface Figure {
  value: number | null;
  basis: Basis;
  /** A key of PRICE_SOURCES. */
  source: string;
  /** When the figure was read (YYYY-MM-DD). */
  asOf: string;
  /** For `assumed`: the region whose figure stands in. */
  from?: string;
}

export interface RegionPrices {
  currency: Currency;
  figures: Record<FigureKey, Figure>;
}

export interface PriceSource {
  url: string;
  /** What the source is, in one line (English, for the operator; the estimate cites the URL). */
  what: string;
}

export interface PriceTable {
  /** The newest date of any figure. */
  asOf: string;
  sources: Record<string, PriceSource>;
  regions: Record<string, RegionPrices>;
}

/** Hours in a month as AWS prices them (8,760 h a year / 12), the figure its pricing examples use. */
export const HOURS_PER_MONTH = 730;

/**
 * The interface endpoint tiers' bounds in GB a month: 1 PB and 5 PB, counted in binary GB as AWS meters data
 * (1 PB = 1,048,576 GB). The tiers apply to all of a region's interface endpoints together.
 */
export const PB_IN_GB = 1_048_576;

/** The AWS page an estimate links to. */
export const PRICING_PAGE = 'https://aws.amazon.com/privatelink/pricing/';
